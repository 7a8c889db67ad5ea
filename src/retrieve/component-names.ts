import type { CompiledGlossary } from './glossary.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: \u0001 is canonicalize()'s group marker
const GROUP_THEN_SUFFIX = /^\u0001(g\d+)\u0001-(?:[a-z]|\u0001)/;
const HYPHENATED = /(?<![a-z0-9-])[a-z0-9]+(?:-[a-z0-9]+)+(?![a-z0-9-])/g;

/**
 * Normalized text without the components named after an alternative of an exclusive set (a CNI's pods and
 * deployments: kube-ovn-controller, calico-kube-controllers, cilium-agent). A report whose headline names only
 * such a component ("kube-ovn-controller CrashLoopBackOff") says which CNI the cluster runs, not that the failing
 * path is one the CNI's runbooks are about: the component is logged or crashing, the hop is elsewhere. Pure.
 */
export function withoutComponentNames(normalized: string, glossary: CompiledGlossary): string {
  return normalized.replace(HYPHENATED, (word) => {
    const group = GROUP_THEN_SUFFIX.exec(glossary.canonicalize(word))?.[1];
    return group !== undefined && glossary.exclusiveSetOf(group) !== undefined ? ' ' : word;
  });
}
