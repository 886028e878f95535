let resolution: number | undefined;

/**
 * The smallest step of `performance.now()` in this runtime (ns), found once by reading the
 * clock until it has changed 50 times. Node, Deno and Bun step by well under a microsecond;
 * browsers coarsen the clock (Chromium 100 µs, Firefox 1 ms; 5 µs and 20 µs on a
 * cross-origin isolated page), so samples must last far longer there to be read exactly.
 */
export function clockResolutionNs(): number {
  if (resolution === undefined) {
    let smallest = Number.POSITIVE_INFINITY;
    let last = performance.now();
    for (let changes = 0; changes < 50; ) {
      const now = performance.now();
      if (now !== last) {
        smallest = Math.min(smallest, now - last);
        last = now;
        changes += 1;
      }
    }
    resolution = smallest * 1e6;
  }
  return resolution;
}
