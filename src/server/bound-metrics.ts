/**
 * A Prometheus counter and histogram for the per-request metrics, whose series are bound once per label values
 * and then counted with no label work at all. prom-client's own `inc(labels)` / `observe(labels, v)` validate
 * and hash the labels on every call (and the histogram allocates a closure per observation): small, but it is
 * every request. These register in a prom-client Registry and give it the same values its Counter and Histogram
 * give, so the text exposition is unchanged (tests/server/bound-metrics.test.ts compares the two).
 */
import type { Metric, Registry } from 'prom-client';

type Labels = Readonly<Record<string, string>>;

export interface CounterSeries {
  labels: Labels;
  value: number;
}

export interface HistogramSeries {
  labels: Labels;
  /** Per bucket (upper bound), not cumulative. */
  counts: number[];
  sum: number;
  count: number;
}

abstract class BoundMetric<S extends { labels: Labels }> {
  readonly aggregator = 'sum';
  protected readonly series = new Map<string, S>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelNames: readonly string[],
    registry: Registry,
  ) {
    registry.registerMetric(this as unknown as Metric);
  }

  /** The series of these label values (made on first use; keep it and count into it). */
  bind(labels: Labels): S {
    const key = this.labelNames.map((name) => labels[name] ?? '').join('\u0000');
    let series = this.series.get(key);
    if (!series) {
      series = this.create(labels);
      this.series.set(key, series);
    }
    return series;
  }

  /** Zeroes every series (`registry.resetMetrics()`); bound series stay valid, so they are kept, at zero. */
  reset(): void {
    for (const series of this.series.values()) this.zero(series);
  }

  protected abstract create(labels: Labels): S;
  protected abstract zero(series: S): void;
}

export class BoundCounter extends BoundMetric<CounterSeries> {
  readonly type = 'counter';

  inc(series: CounterSeries, by = 1): void {
    series.value += by;
  }

  protected create(labels: Labels): CounterSeries {
    return { labels, value: 0 };
  }

  protected zero(series: CounterSeries): void {
    series.value = 0;
  }

  async get(): Promise<{
    name: string;
    help: string;
    type: string;
    values: CounterSeries[];
    aggregator: string;
  }> {
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      values: [...this.series.values()].map(({ labels, value }) => ({ labels, value })),
      aggregator: this.aggregator,
    };
  }
}

export class BoundHistogram extends BoundMetric<HistogramSeries> {
  readonly type = 'histogram';

  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    private readonly upperBounds: readonly number[],
    registry: Registry,
  ) {
    super(name, help, labelNames, registry);
  }

  /** A value that is not a finite number is dropped (prom-client would throw). */
  observe(series: HistogramSeries, value: number): void {
    if (!Number.isFinite(value)) return;
    let bucket = 0;
    while (bucket < this.upperBounds.length && value > (this.upperBounds[bucket] as number)) bucket++;
    if (bucket < series.counts.length) series.counts[bucket] = (series.counts[bucket] ?? 0) + 1;
    series.sum += value;
    series.count += 1;
  }

  protected create(labels: Labels): HistogramSeries {
    return { labels, counts: this.upperBounds.map(() => 0), sum: 0, count: 0 };
  }

  protected zero(series: HistogramSeries): void {
    series.counts.fill(0);
    series.sum = 0;
    series.count = 0;
  }

  /** What the registry prints: prom-client's shape (bucket `le` in `labels`, the series' labels shared). */
  async getForPromString(): Promise<{
    name: string;
    help: string;
    type: string;
    values: Array<{
      labels: Record<string, string | number>;
      sharedLabels: Labels;
      value: number;
      metricName: string;
    }>;
    aggregator: string;
  }> {
    const values = [];
    for (const series of this.series.values()) {
      let cumulative = 0;
      for (const [i, bound] of this.upperBounds.entries()) {
        cumulative += series.counts[i] ?? 0;
        values.push({
          labels: { le: bound },
          sharedLabels: series.labels,
          value: cumulative,
          metricName: `${this.name}_bucket`,
        });
      }
      values.push(
        {
          labels: { le: '+Inf' },
          sharedLabels: series.labels,
          value: series.count,
          metricName: `${this.name}_bucket`,
        },
        { labels: {}, sharedLabels: series.labels, value: series.sum, metricName: `${this.name}_sum` },
        { labels: {}, sharedLabels: series.labels, value: series.count, metricName: `${this.name}_count` },
      );
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  /** The JSON shape (`registry.getMetricsAsJSON()`): the series' labels and `le` together. */
  async get(): ReturnType<BoundHistogram['getForPromString']> {
    const data = await this.getForPromString();
    return {
      ...data,
      values: data.values.map(({ labels, sharedLabels, ...rest }) => ({
        ...rest,
        labels: { ...sharedLabels, ...labels },
        sharedLabels: {},
      })),
    };
  }
}
