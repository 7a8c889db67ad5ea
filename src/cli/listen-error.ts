import { NetkbError } from '../core/errors.js';

/** A failed `listen` as one readable line: port in use, port not allowed, or an address this host lacks. */
export function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return new NetkbError(
      'PORT_IN_USE',
      `Port ${port} on ${host} is already in use (pick another with --port)`,
    );
  }
  if (code === 'EACCES') {
    return new NetkbError(
      'INVALID_CONFIG',
      `Not allowed to listen on ${host}:${port} (ports below 1024 need privileges)`,
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new NetkbError('USAGE', `--host ${host} is not an address of this machine`);
  }
  return error;
}
