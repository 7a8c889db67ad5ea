/**
 * Limits that keep slow or abusive clients from holding the process: request, header and keep-alive timeouts
 * (Node's own http.Server checks, run every second instead of every 30 s), a cap on concurrent connections and a
 * cap per client IP. A request cut off by a timeout is answered 408 in our error shape before the socket closes.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyHttpOptions } from 'fastify';
import type { ServerLimits } from './settings.js';

/** How often Node checks connections for expired request/header timeouts. */
const CHECK_INTERVAL_MS = 1000;

export function fastifyLimitOptions(limits: ServerLimits): Partial<FastifyHttpOptions<Server>> {
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(CHECK_INTERVAL_MS, limits.headersTimeoutMs),
    },
  };
}

/**
 * Caps connections: `maxConnections` for the process (Node refuses more on accept), `maxConnectionsPerIp` per
 * remote address (closed on arrival), so a single client cannot take every slot from probes and other users.
 */
export function capConnections(
  server: Server,
  limits: ServerLimits,
  onRefused?: (reason: 'ip') => void,
): void {
  if (limits.maxConnections > 0) server.maxConnections = limits.maxConnections;
  if (limits.maxConnectionsPerIp <= 0) return;
  const perIp = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const ip = socket.remoteAddress ?? 'unknown';
    const open = (perIp.get(ip) ?? 0) + 1;
    if (open > limits.maxConnectionsPerIp) {
      onRefused?.('ip');
      socket.destroy();
      return;
    }
    perIp.set(ip, open);
    socket.once('close', () => {
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left <= 0) perIp.delete(ip);
      else perIp.set(ip, left);
    });
  });
}
