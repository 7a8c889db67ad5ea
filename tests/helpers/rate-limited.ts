import { expect } from 'vitest';

/** A 429 in our error shape: `RATE_LIMITED`, with a Retry-After within the window (1 minute in these tests). */
export function expectRateLimited(response: { status: number; headers: Headers; text: string }): void {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(JSON.parse(response.text)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
}
