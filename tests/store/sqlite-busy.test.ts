import { describe, expect, it } from 'vitest';
import { retryWhileBusy } from '../../src/store/sqlite-busy.js';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('retryWhileBusy: opening steps another process holds', () => {
  it('retries a step SQLite refused as busy until it goes through', () => {
    let calls = 0;
    const result = retryWhileBusy(() => {
      calls += 1;
      if (calls < 3) throw busy();
      return 'opened';
    }, 5000);
    expect(result).toBe('opened');
    expect(calls).toBe(3);
  });

  it('fails at once on any other error', () => {
    let calls = 0;
    const step = () => {
      calls += 1;
      throw Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' });
    };
    expect(() => retryWhileBusy(step, 5000)).toThrow('file is not a database');
    expect(calls).toBe(1);
  });

  it('gives up with the busy error once the timeout has passed', () => {
    let clock = 0;
    let calls = 0;
    const step = () => {
      calls += 1;
      clock += 2000;
      throw busy();
    };
    expect(() => retryWhileBusy(step, 5000, () => clock)).toThrow('database is locked');
    expect(calls).toBe(3);
  });
});
