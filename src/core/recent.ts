/**
 * Remembers the results of a pure string function for the last few long inputs. One question passes the same
 * long text through the same step several times (normalizing, glossary matching): each pass after the first is a
 * look-up. Bounded: at most `size` results are kept, the oldest dropped first. Inputs shorter than `minLength`
 * (single words: cheap to compute, and many) are computed every time, so they do not push the long ones out.
 */
export function rememberRecent<T>(
  compute: (input: string) => T,
  { size = 8, minLength = 64 }: { size?: number; minLength?: number } = {},
): (input: string) => T {
  const recent = new Map<string, T>();
  return (input) => {
    if (input.length < minLength) return compute(input);
    const known = recent.get(input);
    if (known !== undefined) return known;
    const value = compute(input);
    if (recent.size >= size) recent.delete(recent.keys().next().value as string);
    recent.set(input, value);
    return value;
  };
}

/**
 * Remembers the results of a pure string function for inputs up to `maxLength` characters (longer ones are
 * computed every time): words and short runs recur across questions and within one, and a look-up costs a fraction
 * of computing them. Bounded: cleared when `size` results are held.
 */
export function rememberShort<T>(
  compute: (input: string) => T,
  { size, maxLength }: { size: number; maxLength: number },
): (input: string) => T {
  const known = new Map<string, T>();
  return (input) => {
    const value = known.get(input);
    if (value !== undefined) return value;
    const computed = compute(input);
    if (input.length <= maxLength) {
      if (known.size >= size) known.clear();
      known.set(input, computed);
    }
    return computed;
  };
}
