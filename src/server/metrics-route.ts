/**
 * `GET /metrics` (Prometheus text format) and the hook that counts and times every request by route. The route
 * label is the route pattern (`/v1/chat`), never the raw URL, so unknown paths cannot grow the series count.
 */
import type { FastifyInstance, onResponseHookHandler } from 'fastify';
import type { NetkbMetrics, RequestSeries } from './metrics.js';

export async function metricsRoutes(app: FastifyInstance, options: { metrics: NetkbMetrics }): Promise<void> {
  const { metrics } = options;
  app.get(
    '/metrics',
    { logLevel: 'warn', schema: { summary: 'Prometheus metrics (text exposition format)', hide: true } },
    async (_request, reply) => reply.type(metrics.contentType).send(await metrics.text()),
  );
}

/**
 * Each route counts and times itself with its own pattern captured when it is registered: reading
 * `request.routeOptions` builds an options object per request, the largest cost of counting. Callback hooks,
 * not async ones: a promise per request costs more than the count. Requests no route matched count once, as
 * `unmatched`.
 */
export function installRequestMetrics(app: FastifyInstance, metrics: NetkbMetrics): void {
  app.addHook('onRoute', (route) => {
    const url = route.url;
    // The series of the route's last method and status, reused while they repeat (nearly always): no lookup.
    let series: RequestSeries | undefined;
    let method = '';
    let status = 0;
    const count: onResponseHookHandler = (request, reply, done) => {
      if (series === undefined || reply.statusCode !== status || request.method !== method) {
        method = request.method;
        status = reply.statusCode;
        series = metrics.requestSeriesOf(url, method, status);
      }
      metrics.observeRequestIn(series, reply.elapsedTime / 1000);
      done();
    };
    const own = route.onResponse;
    route.onResponse = own === undefined ? [count] : [...(Array.isArray(own) ? own : [own]), count];
  });
  app.addHook('onResponse', (request, reply, done) => {
    if (request.is404)
      metrics.observeRequest('unmatched', request.method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
