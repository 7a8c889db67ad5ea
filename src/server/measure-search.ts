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
  const proxy = new Proxy(searcher, {
    get(target, property) {
      if (property === 'search') return search;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { searcher: proxy, elapsed: () => ({ ms, calls }) };
}
