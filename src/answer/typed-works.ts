/**
 * A kubectl command the report says works (`kubectl exec -ti busybox1 -- nslookup kubernetes.default works fine`,
 * `kubectl exec web-0 -- curl http://api 正常`) is the comparison the report makes, not the failing path: the pod it
 * runs in fills no `<pod>`, and the pod of the failing command beside it (`... busybox2 -- nslookup ...: NXDOMAIN`)
 * does. `rest` is the text right after the pod's name. Pure.
 */

/** The command's own clause: up to the line's end, a sentence's end, a semicolon or a contrast. */
const CLAUSE_END = /\n|[;；。!?！？]|\.(?=\s|$)|,\s|，|\s(?:but|while|whereas)\s|但/;
const WORKS =
  /(?<![a-z])(?:works?|worked|working|succeeds?|succeeded)(?![a-z])|正常|没问题|沒問題|能通|可以通/i;
const FAILS =
  /(?<![a-z])(?:not?|never|fail\w*|error|can't|cannot|couldn't|doesn't|don't|didn't|timed?\s*out|refused|nxdomain)(?![a-z])|不|没|無|无|失败|超时/i;

/**
 * "works without the policy", "works until the restart", "只有在 ... 时正常": it works under a condition the failing case
 * lacks, so the command is the failing path itself, not a comparison.
 */
const CONDITION_AFTER =
  /(?<![a-z])(?:works?|worked|working|succeeds?|succeeded)\s+(?:fine\s+|ok\s+)?(?:without|with|when|if|until|before|after|only|once|unless|at\s+first)(?![a-z])/i;
const CONDITION_CJK = /(?:之前|以前|的时候|时|時|才|只有|如果|除非)[^，。,]{0,12}正常/;

export function typedCommandWorks(rest: string): boolean {
  const end = rest.search(CLAUSE_END);
  const clause = end === -1 ? rest.slice(0, 200) : rest.slice(0, end);
  return (
    WORKS.test(clause) && !FAILS.test(clause) && !CONDITION_AFTER.test(clause) && !CONDITION_CJK.test(clause)
  );
}
