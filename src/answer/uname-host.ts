/**
 * A host written only in `uname` output (`Kernel version Linux com3 4.19.113-300.el7.x86_64`, `uname -a: Linux
 * k8s-master-01 5.15.0-91-generic ...`). Pure.
 *
 * Issue templates ask for the kernel, and reporters paste `uname -a` from whatever machine they are logged in to: the
 * host name there shows where uname ran, not which node fails. When the report names another node in its own words
 * ("pods on node gpu-2 cannot be reached"), that node is its subject; the uname host is only the fallback.
 */

/** `Linux <host> <kernel release>`: uname's host name field, right before a release such as `5.15.0-91-generic`. */
const UNAME_LINE = /(?<![\w-])Linux\s+([a-z0-9][a-z0-9.-]*)\s+\d+\.\d+\.\d+[-+.]/gi;

/** The offsets, in `text`, where uname output writes a host name. */
function unameHostOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (const match of text.matchAll(UNAME_LINE)) {
    const host = match[1] ?? '';
    offsets.push((match.index ?? 0) + match[0].indexOf(host, 'Linux'.length));
  }
  return offsets;
}

/**
 * Whether every whole-word mention of `name` in the lower-cased `lower` is uname's host field: the report writes the
 * name nowhere else.
 */
export function unameOnlyHost(lower: string, name: string): boolean {
  const unameAt = new Set(unameHostOffsets(lower));
  let seen = false;
  for (let at = lower.indexOf(name); at !== -1; at = lower.indexOf(name, at + 1)) {
    const whole =
      !/[a-z0-9_-]/.test(lower[at - 1] ?? ' ') && !/[a-z0-9_.-]/.test(lower[at + name.length] ?? ' ');
    if (!whole) continue;
    if (!unameAt.has(at)) return false;
    seen = true;
  }
  return seen;
}

/**
 * The node names in the order to fill `<node-name>`: a host written only in uname output goes after the nodes the
 * report names otherwise, in the same order as before among each group.
 */
export function unameHostsLast(lower: string, names: readonly string[]): string[] {
  const unameOnly = names.filter((name) => unameOnlyHost(lower, name.toLowerCase()));
  if (unameOnly.length === 0 || unameOnly.length === names.length) return [...names];
  return [...names.filter((name) => !unameOnly.includes(name)), ...unameOnly];
}
