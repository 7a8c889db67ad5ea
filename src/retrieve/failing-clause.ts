/**
 * A report's headline clause that says what a runbook's trigger says, in its own order and wording: "connect issues
 * across nodes" in a report pasting flanneld's unit file is the Flannel runbook's "flannel 跨节点不通", "无法访问
 * service" is the ClusterIP runbook's "service 访问不了". A trigger matches the question only where its words stand
 * together in its order, and a long report dilutes its lexical evidence, so such a report can fall under the
 * abstention threshold although its first line names a failing path the runbook is about.
 *
 * A trigger that states a failure (it has a failure group: not working, refused, no route, reset, loss,
 * intermittent) is met by one clause of the headline that has every other glossary group and every other word of
 * the trigger, in any order, and some failure group (which one does not matter: a Service that times out and one
 * that refuses are the same runbook's). A CNI's name the trigger holds may be anywhere in the report: the CNI is the
 * cluster's, not the clause's. A trigger that names no concept besides the failure and the CNI ("cilium 不通")
 * says nothing of the path and is not read this way. Nothing is reranked: the answer only declines no longer a
 * report whose leading runbook is one so named (chat.ts). Pure.
 */
import { containsAt } from './triggers.js';

/** A trigger as glossary groups and the words outside them. */
export interface TriggerSignature {
  docPath: string;
  groups: readonly string[];
  words: readonly string[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: \u0001 is canonicalize()'s group marker
const GROUP_MARK = /\u0001(g\d+)\u0001/g;
/** Where one clause of a headline ends: punctuation, or a joining word that starts another statement. */
const CLAUSE_BREAK = /[,.;:!?，。；：！？()（）[\]]|\b(?:but|while|whereas)\b|但是|但/;

/** The groups and the remaining words of a canonical form (glossary groups marked as canonicalize() writes them). */
export function signatureOf(docPath: string, form: string): TriggerSignature {
  const groups = [...form.matchAll(GROUP_MARK)].map((match) => match[1] ?? '');
  const words = form
    .replace(GROUP_MARK, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
  return { docPath, groups, words };
}

/** The clauses of a canonical headline form, each as its groups and its plain text. */
function clausesOf(form: string): Array<{ groups: ReadonlySet<string>; text: string }> {
  return form
    .split(new RegExp(CLAUSE_BREAK, 'g'))
    .map((clause) => ({
      groups: new Set([...clause.matchAll(GROUP_MARK)].map((match) => match[1] ?? '')),
      text: ` ${clause.replace(GROUP_MARK, ' ')} `,
    }))
    .filter((clause) => clause.groups.size > 0);
}

/**
 * The docs with a failure trigger that one clause of `headlineForm` states in any order (see above). `cniGroups`
 * are the groups that name a CNI; `reportGroups` the groups the whole report names.
 */
export function failingClauseDocs(
  headlineForm: string | null,
  signatures: readonly TriggerSignature[],
  failureGroups: ReadonlySet<string>,
  cniGroups: ReadonlySet<string>,
  reportGroups: ReadonlySet<string>,
): ReadonlySet<string> {
  const docs = new Set<string>();
  if (headlineForm === null) return docs;
  const failing = clausesOf(headlineForm).filter((clause) =>
    [...clause.groups].some((group) => failureGroups.has(group)),
  );
  if (failing.length === 0) return docs;
  for (const signature of signatures) {
    if (docs.has(signature.docPath)) continue;
    if (!signature.groups.some((group) => failureGroups.has(group))) continue;
    const concepts = signature.groups.filter((group) => !failureGroups.has(group) && !cniGroups.has(group));
    if (concepts.length === 0) continue;
    const cnisNamed = signature.groups.every((group) => !cniGroups.has(group) || reportGroups.has(group));
    if (!cnisNamed) continue;
    const met = failing.some(
      (clause) =>
        concepts.every((group) => clause.groups.has(group)) &&
        signature.words.every((word) => containsAt(clause.text, word)),
    );
    if (met) docs.add(signature.docPath);
  }
  return docs;
}
