/**
 * Host header checks on every request: an HTTP/1.1 request without Host is 400 MISSING_HOST (Node's own check,
 * turned off in app.ts, answers with an empty body); a Host outside the allowed list is 421 HOST_NOT_ALLOWED.
 * The probes (/healthz, /readyz) skip the list: kubelet sends the pod IP as Host and they reveal nothing.
 */
import type { FastifyInstance } from 'fastify';
import { ERRORS, type ErrorCode } from '../core/errors.js';
import { type AllowedHosts, hostAllowed } from './allowed-hosts.js';

const PROBES = new Set(['/healthz', '/readyz']);

export function installHostCheck(app: FastifyInstance, allowed: AllowedHosts): void {
  // A callback hook, not an async one: every request runs it, and needs no promise.
  app.addHook('onRequest', (request, reply, done) => {
    const host = request.headers.host;
    let code: ErrorCode | null = null;
    if (!host && request.raw.httpVersion === '1.1') code = 'MISSING_HOST';
    else if (allowed !== null && !PROBES.has(request.url.split('?')[0] ?? '') && !hostAllowed(allowed, host))
      code = 'HOST_NOT_ALLOWED';
    if (code === null) return done();
    request.log.info({ code, host: host ?? null }, 'client error');
    // Answered here: the request goes no further (done is not called).
    reply
      .code(ERRORS[code].status)
      .type('application/json; charset=utf-8')
      .send({ error: { code, message: ERRORS[code].message } });
  });
}
