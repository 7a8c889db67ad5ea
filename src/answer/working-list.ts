/**
 * Names written as one list share what the sentence says of them. Pure.
 *
 * "access node1, node2 is right; access node3 times out", "在 node1 和 node2 上都正常，只有 node3 不行": the verb that
 * says the objects work follows the last name of the list, yet it is said of every name in it. The first name is then
 * the comparison as much as the last, not the object that fails.
 */

/** Where a name sits in the text. */
export interface Placed {
  value: string;
  index: number;
}

/** Only a list's joint between two names: a comma, `and`, `&`, a slash, 和/与/及. A verb or a clause break is none. */
const LIST_JOINT = /^\s*(?:[,，、&/]|and|和|与|與|及|以及)\s*$/i;

/**
 * The names of `names` (one kind, any order) said to work: those `works` says so of, and every name listed right
 * before one of them (`node1, node2 is right`, `node1 和 node2 上都正常`).
 */
export function workingWithListed<T extends Placed>(
  text: string,
  names: readonly T[],
  works: (name: T) => boolean,
): Set<T> {
  // One mention per place: a name read twice (by its shape and by its kind word) is one list member.
  const byIndex = new Map(names.map((name) => [name.index, name]));
  const sorted = [...byIndex.values()].sort((a, b) => a.index - b.index);
  const working = new Set(sorted.filter(works));
  // From the last name back, so a list of three takes the verb after its last name.
  for (let i = sorted.length - 2; i >= 0; i--) {
    const name = sorted[i];
    const next = sorted[i + 1];
    if (name === undefined || next === undefined || !working.has(next)) continue;
    const gap = text.slice(name.index + name.value.length, next.index);
    if (LIST_JOINT.test(gap)) working.add(name);
  }
  // Every reading of a working place, not only the one kept above.
  const places = new Set([...working].map((name) => name.index));
  return new Set(names.filter((name) => places.has(name.index)));
}
