/**
 * `GET /metrics` (Prometheus text format) and the hook that counts and times every request by route. The route
 * label is the route pattern (`/v1/chat`), never the raw URL, so unknown paths cannot grow the series count.
 */
import type { FastifyInstance } from 'fastify';
import type { NetkbMetrics } from './metrics.js';

export async function metricsRoutes(app: FastifyInstance, options: { metrics: NetkbMetrics }): Promise<void> {
  const { metrics } = options;
  app.get(
    '/metrics',
    { logLevel: 'warn', schema: { summary: 'Prometheus metrics (text exposition format)', hide: true } },
    async (_request, reply) => reply.type(metrics.contentType).send(await metrics.text()),
  );
}

/** A callback hook, not an async one: every request runs it, and a promise per request costs more than the count. */
export function installRequestMetrics(app: FastifyInstance, metrics: NetkbMetrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
