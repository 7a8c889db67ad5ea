/**
 * At-most-once processing of redelivered events (Slack retries an event up to 3 times over ~5 minutes).
 * `claimOnce` is true for the first caller of a key within `ttlMs`, false for every later one. A shared store
 * (the query log's database) can implement the same interface when several replicas serve one app.
 */

export interface OnceClaimer {
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
}

/** In-memory claims with a TTL; bounded (oldest claims dropped first past `maxKeys`). */
export class InMemoryOnce implements OnceClaimer {
  /** Key → expiry time; Map order is claim order, so the oldest claims sit at the front. */
  private readonly claims = new Map<string, number>();

  constructor(
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.claims.size;
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    this.sweep(now);
    const expires = this.claims.get(key);
    if (expires !== undefined && expires > now) return false;
    this.claims.delete(key);
    this.claims.set(key, now + ttlMs);
    while (this.claims.size > this.maxKeys) {
      const oldest = this.claims.keys().next().value;
      if (oldest === undefined) break;
      this.claims.delete(oldest);
    }
    return true;
  }

  private sweep(now: number): void {
    for (const [key, expires] of this.claims) {
      if (expires > now) break;
      this.claims.delete(key);
    }
  }
}
