import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { BoundCounter, BoundHistogram } from '../../src/server/bound-metrics.js';

const BUCKETS = [0.001, 0.01, 0.1, 1];
const LABELS = ['route', 'status'] as const;
const SERIES = [
  { route: '/v1/chat', status: '200' },
  { route: '/v1/chat', status: '429' },
  { route: '/healthz', status: '200' },
];
// On a bound, between bounds, above every bound, zero.
const VALUES = [0.001, 0.0004, 0.05, 3, 0, 0.1, 1, 0.0101];

describe('BoundCounter / BoundHistogram', () => {
  it('expose exactly what prom-client Counter / Histogram expose for the same counts', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const counter = new BoundCounter('x_requests_total', 'Requests', LABELS, ours);
    const histogram = new BoundHistogram('x_seconds', 'Seconds', LABELS, BUCKETS, ours);
    const plain = new BoundHistogram('x_plain_seconds', 'No labels', [], BUCKETS, ours);
    const plainSeries = plain.bind({});
    const reference = {
      counter: new Counter({
        name: 'x_requests_total',
        help: 'Requests',
        labelNames: LABELS,
        registers: [theirs],
      }),
      histogram: new Histogram({
        name: 'x_seconds',
        help: 'Seconds',
        labelNames: LABELS,
        buckets: BUCKETS,
        registers: [theirs],
      }),
      plain: new Histogram({
        name: 'x_plain_seconds',
        help: 'No labels',
        buckets: BUCKETS,
        registers: [theirs],
      }),
    };
    // Before any observation: the unlabelled histogram shows its zero series, the labelled metrics nothing.
    expect(await ours.metrics()).toBe(await theirs.metrics());
    for (const [i, value] of VALUES.entries()) {
      const labels = SERIES[i % SERIES.length] ?? {};
      counter.inc(counter.bind(labels));
      reference.counter.inc(labels);
      histogram.observe(histogram.bind({ ...labels }), value);
      reference.histogram.observe(labels, value);
      plain.observe(plainSeries, value);
      reference.plain.observe(value);
    }
    counter.inc(counter.bind(SERIES[0] ?? {}), 2);
    reference.counter.inc(SERIES[0] ?? {}, 2);
    expect(await ours.metrics()).toBe(await theirs.metrics());
    // The JSON form too (labels, values, series names), leaving out prom-client's empty exemplar fields.
    const json = async (registry: Registry) =>
      (await registry.getMetricsAsJSON()).map(({ name, type, values }) => ({
        name,
        type,
        values: (values as Array<{ labels: object; value: number; metricName?: string }>).map(
          ({ labels, value, metricName }) => ({ labels, value, metricName }),
        ),
      }));
    expect(await json(ours)).toEqual(await json(theirs));
  });

  it('bind returns the same series for the same label values', () => {
    const counter = new BoundCounter('y_total', 'Y', LABELS, new Registry());
    expect(counter.bind({ route: '/a', status: '200' })).toBe(counter.bind({ status: '200', route: '/a' }));
    expect(counter.bind({ route: '/a', status: '200' })).not.toBe(
      counter.bind({ route: '/a', status: '500' }),
    );
  });
});
