import type { AddressInfo, Server } from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface Listening {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  base: string;
  port: number;
  close: () => Promise<void>;
}

/** Starts a Fastify app or a plain node server on 127.0.0.1 and a free port. */
export async function listenLocal(target: FastifyInstance | Server): Promise<Listening> {
  let server: Server;
  let close: () => Promise<void>;
  if ('inject' in target) {
    await target.listen({ host: '127.0.0.1', port: 0 });
    server = target.server;
    close = () => target.close();
  } else {
    server = target;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    close = () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, port, close };
}
