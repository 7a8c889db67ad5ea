/**
 * A long report whose headline names a concept only one runbook's triggers name ("How to get Client IP?" — the
 * nodeport runbook's trigger "客户端源 IP 丢失" has the same glossary group) is about that runbook, even when the
 * long body dilutes its lexical evidence below the abstention threshold. Only a group owned by a single doc's
 * triggers counts: a concept several runbooks trigger on ("dns", "pod") says nothing about which one. Pure.
 */

/** Per glossary group, the docs whose triggers name it. */
export type TriggerGroupOwners = ReadonlyMap<string, ReadonlySet<string>>;

export function triggerGroupOwners(
  docs: ReadonlyArray<{ path: string; triggers: readonly string[] }>,
  groupsOf: (phrase: string) => readonly string[],
): TriggerGroupOwners {
  const owners = new Map<string, Set<string>>();
  for (const doc of docs) {
    for (const trigger of doc.triggers) {
      for (const group of groupsOf(trigger)) {
        const paths = owners.get(group) ?? new Set<string>();
        paths.add(doc.path);
        owners.set(group, paths);
      }
    }
  }
  return owners;
}

/**
 * A headline that asks how to do something ("How to get Client IP", "如何保留客户端源 IP") rather than stating a
 * failure: a how-to about a runbook's own concept is answerable, while a failure headline naming a concept in
 * passing ("Pod stuck in ContainerCreating due to network related issue") may well be another product's bug.
 */
const ASKS_HOW = /\bhow\b|如何|怎么|怎样|怎麼/;

export function asksHow(headline: string): boolean {
  return ASKS_HOW.test(headline.toLowerCase());
}

/** The docs that alone trigger on a group a how-to headline names (empty without one). */
export function headlineConceptDocs(
  headline: string | null,
  groupsOf: (text: string) => readonly string[],
  owners: TriggerGroupOwners,
): ReadonlySet<string> {
  if (headline === null || !asksHow(headline)) return new Set();
  return soleOwners(groupsOf(headline), owners);
}

/** The docs that are the only trigger owner of one of the groups. */
function soleOwners(groups: Iterable<string>, owners: TriggerGroupOwners): ReadonlySet<string> {
  const docs = new Set<string>();
  for (const group of groups) {
    const paths = owners.get(group);
    if (paths?.size === 1) for (const path of paths) docs.add(path);
  }
  return docs;
}

/**
 * A headline whose subject is what fails ("Load Balancer is not working k3d", "负载均衡器访问不了"): the concept is
 * named and then said to fail in the same clause, a few words on. That is the report's subject, not a passing
 * mention ("Pod stuck in ContainerCreating due to network related issue" names no failure of its concept), so a
 * concept only one runbook triggers on makes the report that runbook's, as a how-to headline does.
 */
const MAX_WORDS_BETWEEN = 4;
const MAX_CHARS_BETWEEN = 24;
// biome-ignore lint/suspicious/noControlCharactersInRegex: \u0001 is canonicalize()'s group marker
const GROUP_MARK = /\u0001(g\d+)\u0001/g;
const CLAUSE_BREAK = /[,.;:!?，。；：！？()（）[\]]/;

/** The groups a canonical headline form names and then says fail (markers as canonicalize() writes them). */
export function failingGroups(form: string, failureGroups: ReadonlySet<string>): string[] {
  const marks = [...form.matchAll(GROUP_MARK)].map((m) => ({
    group: m[1] ?? '',
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const failing: string[] = [];
  marks.forEach((mark, i) => {
    if (failureGroups.has(mark.group)) return;
    for (const later of marks.slice(i + 1)) {
      const between = form.slice(mark.end, later.start);
      if (CLAUSE_BREAK.test(between)) return;
      const plain = between.replace(GROUP_MARK, ' ').trim();
      const words = plain === '' ? 0 : plain.split(/\s+/).length;
      if (words > MAX_WORDS_BETWEEN || plain.length > MAX_CHARS_BETWEEN) return;
      if (failureGroups.has(later.group)) {
        failing.push(mark.group);
        return;
      }
    }
  });
  return failing;
}

/** The docs that alone trigger on a group a headline names and says fails (empty without one). */
export function failingConceptDocs(
  headlineForm: string | null,
  failureGroups: ReadonlySet<string>,
  owners: TriggerGroupOwners,
): ReadonlySet<string> {
  if (headlineForm === null) return new Set();
  return soleOwners(failingGroups(headlineForm, failureGroups), owners);
}
