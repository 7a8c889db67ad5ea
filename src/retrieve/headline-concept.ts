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
  const docs = new Set<string>();
  if (headline === null || !asksHow(headline)) return docs;
  const headlineGroups = groupsOf(headline);
  for (const group of headlineGroups) {
    const paths = owners.get(group);
    if (paths?.size === 1) for (const path of paths) docs.add(path);
  }
  return docs;
}
