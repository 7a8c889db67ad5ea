/**
 * Which of two asks a report makes is the one it closes with: "我要怎么修改，本地才可以访问，谢谢~ 集群外能直接访问 Pod IP
 * 吗？" wonders how to change something (naming no value to pick a line by), then ends by asking whether a Pod IP is
 * reachable from outside: the closing question is what it wants answered. Pure.
 */

/**
 * Whether the clause at `later` comes after the one at `earlier` and is in the text's last sentence (clause
 * indexes; -1 for none).
 */
export function closesAfter(
  clauses: ReadonlyArray<{ sentence: string }>,
  later: number,
  earlier: number,
): boolean {
  return later > earlier && later >= 0 && clauses[later]?.sentence === clauses.at(-1)?.sentence;
}
