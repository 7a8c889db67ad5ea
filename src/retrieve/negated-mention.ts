/**
 * A thing the report names only to exclude it: "all non host-network pods", "(non-BGP) L2 mode", "非 hostNetwork 的
 * Pod". The failing pods are the ordinary ones, so the excluded thing (host networking, BGP) is no more the topic than
 * what a working clause names: like a former setting, it leaves the failing part and counts as a working clause.
 * Only the prefix form is read ("non X", "非 X" before a Latin word): "if I don't use hostNetwork" is as often the
 * condition under which the report's own subject fails.
 */
const NON_PREFIX =
  /(?<![a-z0-9])non[ -]((?:[a-z][a-z0-9]*)(?:-[a-z][a-z0-9]*)*(?: (?:network|networking|port|ip|mode|policy))?)(?![a-z0-9-])|非\s?([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)(?![a-z0-9-])/gu;

/** Normalized text (lower case) without its negated mentions, and those mentions. */
export function takeNegatedMentions(text: string): { rest: string; negated: string[] } {
  const negated: string[] = [];
  const rest = text.replace(NON_PREFIX, (_match, en?: string, zh?: string) => {
    negated.push((en ?? zh ?? '').trim());
    return ' ';
  });
  return { rest, negated: negated.filter(Boolean) };
}
