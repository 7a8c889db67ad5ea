/**
 * netkb's Prometheus metrics (prom-client), one registry per server so tests and several apps in one process do
 * not share counters. Every netkb metric is prefixed `netkb_`; the standard process/Node.js metrics keep their
 * usual names. Code outside the HTTP layer (hot reload, chat integrations, the query log) records through the
 * methods below; it never touches prom-client itself.
 */
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { BoundCounter, BoundHistogram, type CounterSeries, type HistogramSeries } from './bound-metrics.js';

export type AnswerChannel = 'api' | 'slack' | 'teams' | 'web' | (string & {});
export type AnswerOutcome = 'answered' | 'abstained';

export interface IndexFigures {
  docs: number;
  chunks: number;
  /** The generation directory name (`gen-…`), when known. */
  generation?: string;
}

/** Latency buckets in seconds: retrieval is sub-millisecond to tens of milliseconds. */
const FAST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export class NetkbMetrics {
  readonly registry = new Registry();
  readonly contentType = this.registry.contentType;

  // Counted on every request or answer: bound series (bound-metrics.ts), no label work per count.
  private readonly requests = new BoundCounter(
    'netkb_http_requests_total',
    'HTTP requests by route, method and status code',
    REQUEST_LABELS,
    this.registry,
  );
  private readonly requestSeconds = new BoundHistogram(
    'netkb_http_request_duration_seconds',
    'HTTP request duration by route, method and status code',
    REQUEST_LABELS,
    FAST_BUCKETS,
    this.registry,
  );
  private readonly answers = new BoundCounter(
    'netkb_answers_total',
    'Chat answers by channel (api, slack, teams, web) and outcome (answered, abstained)',
    ['channel', 'outcome'],
    this.registry,
  );
  private readonly overBudget = new Counter({
    name: 'netkb_answers_over_budget_total',
    help: "Chat answers by channel whose retrieval ran out of the question's time budget (a retriever was skipped)",
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });
  private readonly retrievalHistogram = new BoundHistogram(
    'netkb_retrieval_duration_seconds',
    'Time spent in retrieval (search) per chat answer',
    [],
    FAST_BUCKETS,
    this.registry,
  );
  /** Unlabelled: the one series exists (all zero) from the start, as prom-client's would. */
  private readonly retrievalSeconds = this.retrievalHistogram.bind({});
  private readonly compositionHistogram = new BoundHistogram(
    'netkb_composition_duration_seconds',
    'Time spent composing an answer from retrieval results (chat time minus retrieval)',
    [],
    FAST_BUCKETS,
    this.registry,
  );
  private readonly compositionSeconds = this.compositionHistogram.bind({});
  private readonly indexDocs = new Gauge({
    name: 'netkb_index_docs',
    help: 'Documents in the index being served',
    registers: [this.registry],
  });
  private readonly indexChunks = new Gauge({
    name: 'netkb_index_chunks',
    help: 'Chunks in the index being served',
    registers: [this.registry],
  });
  private readonly indexGeneration = new Gauge({
    name: 'netkb_index_generation_info',
    help: 'The index generation being served (value 1, generation in the label)',
    labelNames: ['generation'] as const,
    registers: [this.registry],
  });
  private readonly indexLoaded = new Gauge({
    name: 'netkb_index_loaded_timestamp_seconds',
    help: 'When the index being served was loaded (Unix time)',
    registers: [this.registry],
  });
  private readonly reloads = new Counter({
    name: 'netkb_index_reloads_total',
    help: 'Index reloads by result (success, failure)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: 'netkb_rate_limited_total',
    help: 'Requests refused with 429 RATE_LIMITED, by route',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });
  private readonly unauthorized = new Counter({
    name: 'netkb_unauthorized_total',
    help: 'Requests refused with 401 UNAUTHORIZED',
    registers: [this.registry],
  });
  /** The series per route, method and status (and per channel and outcome), looked up without building a key. */
  private readonly requestSeries = new Map<string, Map<string, Map<number, RequestSeries>>>();
  private readonly answerSeries = new Map<string, Record<AnswerOutcome, CounterSeries>>();
  /** Created on first use: the gauge exists only when a query-log store does. */
  private queryLogLag: Gauge | undefined;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Both results are present from the start, so `rate()` and alerts see a 0 rather than no series.
    this.reloads.inc({ result: 'success' }, 0);
    this.reloads.inc({ result: 'failure' }, 0);
  }

  observeRequest(route: string, method: string, status: number, seconds: number): void {
    this.observeRequestIn(this.requestSeriesOf(route, method, status), seconds);
  }

  /** Counts and times one request into series from `requestSeriesOf` (kept by the caller: no lookup per request). */
  observeRequestIn(series: RequestSeries, seconds: number): void {
    this.requests.inc(series.count);
    this.requestSeconds.observe(series.seconds, seconds);
  }

  /** `overBudget`: a retriever was skipped for the question's time budget (the answer's `retrievers` say so). */
  recordAnswer(channel: AnswerChannel, outcome: AnswerOutcome, overBudget = false): void {
    let series = this.answerSeries.get(channel);
    if (!series) {
      series = {
        answered: this.answers.bind({ channel, outcome: 'answered' }),
        abstained: this.answers.bind({ channel, outcome: 'abstained' }),
      };
      this.answerSeries.set(channel, series);
    }
    this.answers.inc(series[outcome]);
    if (overBudget) this.overBudget.inc({ channel });
  }

  observeRetrieval(seconds: number): void {
    this.retrievalHistogram.observe(this.retrievalSeconds, seconds);
  }

  observeComposition(seconds: number): void {
    this.compositionHistogram.observe(this.compositionSeconds, seconds);
  }

  /** Call whenever an index is (re)loaded and starts serving. */
  setIndex(figures: IndexFigures): void {
    this.indexDocs.set(figures.docs);
    this.indexChunks.set(figures.chunks);
    this.indexGeneration.reset();
    if (figures.generation !== undefined) this.indexGeneration.set({ generation: figures.generation }, 1);
    this.indexLoaded.setToCurrentTime();
  }

  /** Call once per finished reload attempt (hot reload, SIGHUP). */
  recordReload(ok: boolean): void {
    this.reloads.inc({ result: ok ? 'success' : 'failure' });
  }

  recordRateLimited(route: string): void {
    this.rateLimited.inc({ route });
  }

  recordUnauthorized(): void {
    this.unauthorized.inc();
  }

  /** Seconds between a question being answered and its query-log record being written. */
  setQueryLogLag(seconds: number): void {
    this.queryLogLag ??= new Gauge({
      name: 'netkb_query_log_write_lag_seconds',
      help: 'Delay of the most recent query-log write after its answer',
      registers: [this.registry],
    });
    this.queryLogLag.set(seconds);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  /**
   * The request series of a route pattern, method and status. Routes are patterns and methods and statuses few, so
   * the series are bounded (see metrics-route.ts).
   */
  requestSeriesOf(route: string, method: string, status: number): RequestSeries {
    let byMethod = this.requestSeries.get(route);
    if (!byMethod) {
      byMethod = new Map();
      this.requestSeries.set(route, byMethod);
    }
    let byStatus = byMethod.get(method);
    if (!byStatus) {
      byStatus = new Map();
      byMethod.set(method, byStatus);
    }
    let series = byStatus.get(status);
    if (!series) {
      const labels = { route, method, status: String(status) };
      series = { count: this.requests.bind(labels), seconds: this.requestSeconds.bind(labels) };
      byStatus.set(status, series);
    }
    return series;
  }
}

const REQUEST_LABELS = ['route', 'method', 'status'];

export interface RequestSeries {
  count: CounterSeries;
  seconds: HistogramSeries;
}
