/** A character that continues a Kubernetes object's name (`web` in `web-0`, `kube-system` in `kube-system-x`). */
const NAME_CHAR = /[a-z0-9-]/;

/**
 * The offsets where a name stands whole in lower-case text, not as part of a longer name: each place a report writes
 * that pod, namespace or add-on. Pure.
 */
export function wholeNameMentions(lower: string, name: string): number[] {
  const offsets: number[] = [];
  for (let at = lower.indexOf(name); at !== -1; at = lower.indexOf(name, at + 1))
    if (!NAME_CHAR.test(lower[at - 1] ?? ' ') && !NAME_CHAR.test(lower[at + name.length] ?? ' '))
      offsets.push(at);
  return offsets;
}
