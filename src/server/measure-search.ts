import type { Searcher } from '../retrieve/types.js';

/**
 * The same searcher, with the time spent in `search` added to `elapsed` (for the retrieval-time metric). A Proxy
 * rather than a wrapper object so members added to `Searcher` later pass through unchanged.
 */
export function measureSearch(searcher: Searcher): {
  searcher: Searcher;
  elapsed: () => { ms: number; calls: number };
} {
  let ms = 0;
  let calls = 0;
  const search: Searcher['search'] = async (question, options) => {
    const started = performance.now();
    try {
      return await searcher.search(question, options);
    } finally {
      ms += performance.now() - started;
      calls += 1;
    }
  };
  // Methods bound once per wrapper: composition calls chunk()/doc() many times per answer.
  const bound = new Map<PropertyKey, unknown>([['search', search]]);
  const proxy = new Proxy(searcher, {
    get(target, property) {
      const cached = bound.get(property);
      if (cached !== undefined) return cached;
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value.bind(target);
      bound.set(property, method);
      return method;
    },
  });
  return { searcher: proxy, elapsed: () => ({ ms, calls }) };
}
