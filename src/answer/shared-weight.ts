/**
 * How much of a question's weighted terms a piece of KB text shares. Pure. A long question has hundreds of terms
 * and a command's or line's context a few dozen: walking the smaller side keeps composition bounded by the KB
 * text, not the question's length. The sum is the same either way, added in the question's term order.
 */
export interface WantedTerms {
  /** The question's terms with their weights, in order. */
  readonly list: ReadonlyArray<readonly [string, number]>;
  /** Each term's position in `list`. */
  readonly position: ReadonlyMap<string, number>;
}

/** The positions are indexed when first needed (a context smaller than the question). */
export function wantedTerms(list: ReadonlyArray<readonly [string, number]>): WantedTerms {
  let position: Map<string, number> | undefined;
  return {
    list,
    get position() {
      position ??= new Map(list.map(([term], i) => [term, i]));
      return position;
    },
  };
}

/** The same terms in the same order with other weights: the positions are shared, not indexed again. */
export function reweighted(wanted: WantedTerms, list: ReadonlyArray<readonly [string, number]>): WantedTerms {
  return {
    list,
    get position() {
      return wanted.position;
    },
  };
}

/**
 * `start` plus `weightOf(term, weight)` for every wanted term the context has, in `wanted`'s order (so the
 * floating-point sum does not depend on which side was walked).
 */
export function sharedWeight(
  start: number,
  wanted: WantedTerms,
  context: { has(term: string): boolean; keys(): Iterable<string>; readonly size: number },
  weightOf: (term: string, weight: number) => number = (_term, weight) => weight,
): number {
  let sum = start;
  if (wanted.list.length <= context.size) {
    for (const [term, weight] of wanted.list) if (context.has(term)) sum += weightOf(term, weight);
    return sum;
  }
  const shared: number[] = [];
  for (const term of context.keys()) {
    const at = wanted.position.get(term);
    if (at !== undefined) shared.push(at);
  }
  shared.sort((a, b) => a - b);
  for (const at of shared) {
    const [term, weight] = wanted.list[at] as readonly [string, number];
    sum += weightOf(term, weight);
  }
  return sum;
}
