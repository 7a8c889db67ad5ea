/**
 * Turns for CPU-bound work on the event loop (computing an answer that is not cached), handed out fairly.
 *
 * Why: answers are computed on the main thread. When many questions arrive together, Node would otherwise
 * compute all of them back to back in one pass of the event loop, and everything else (/healthz, cached answers,
 * other clients' questions) waits for the whole batch: 16 questions at ~10 ms put /healthz at ~160 ms. Here one
 * turn is granted per event-loop iteration (setImmediate), so between two computations the loop reads sockets
 * and answers cheap routes; a probe waits for at most the one computation in progress.
 *
 * Fair: waiting turns are queued per client and granted round-robin across clients, so one client with many
 * connections (the random-word attack) gets one turn in N when N clients are waiting, instead of all of them.
 * Each client's own turns keep their order.
 */
export class FairTurns {
  /** Waiting turns per client; the Map's insertion order is the round (a served client moves to the end). */
  private readonly waiting = new Map<string, Array<() => void>>();
  private scheduled = false;

  /** Resolves when it is `client`'s turn; the caller then does its work synchronously (or until it awaits). */
  take(client: string): Promise<void> {
    return new Promise((resolve) => {
      const queue = this.waiting.get(client);
      if (queue) queue.push(resolve);
      else this.waiting.set(client, [resolve]);
      this.schedule();
    });
  }

  /** Turns waiting now (all clients). */
  get pending(): number {
    let count = 0;
    for (const queue of this.waiting.values()) count += queue.length;
    return count;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.grant);
  }

  /** Grants the next client's oldest turn. Its work runs right after this callback, before the next iteration's
   * I/O; the next grant is scheduled from here, so it lands in the following iteration. */
  private readonly grant = (): void => {
    this.scheduled = false;
    const next = this.waiting.entries().next();
    if (next.done) return;
    const [client, queue] = next.value;
    const resolve = queue.shift();
    this.waiting.delete(client);
    if (queue.length > 0) this.waiting.set(client, queue);
    if (this.waiting.size > 0) this.schedule();
    resolve?.();
  };
}
