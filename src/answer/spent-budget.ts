/** A retriever of the answer was skipped because the question's time budget was spent. */
export function spentBudget(body: { retrievers: Record<string, { status: string }> }): boolean {
  // A loop rather than Object.values().some(): it runs for every answer when metrics are on.
  for (const name in body.retrievers) if (body.retrievers[name]?.status === 'over_budget') return true;
  return false;
}
