/**
 * Cooperative time slicing for long main-thread work: `pause()` yields to the event loop (setImmediate, so
 * pending I/O and requests run) once `sliceMs` have passed since the last yield, and is free otherwise.
 */
export function timeSlicer(sliceMs: number): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
}
