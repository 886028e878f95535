import type { RuntimeHooks } from "./runtime-hooks.js";
import { uniqueNumber } from "./unique-number.js";

/** The heap budget of one allocation round: small enough that no scavenge runs within it. */
const ROUND_BYTES = 256 * 1024;
/** Calls in one allocation round, at most. */
const ROUND_CALLS = 10_000;
/** Allocation rounds; the figure is their median, so a round a collection upset is outvoted. */
const ROUNDS = 9;

/**
 * Bytes `run` allocates per call on the heap, measured apart from the timing, or `null` where
 * the runtime cannot tell (`hooks` has no collector or no heap reading: Bun, browsers). The
 * runs of a round are made in a loop compiled for this closure alone (so its call can be
 * inlined, as in the timed loop), between readings of the heap's used size after a scavenge.
 * Each round makes `n` runs and then `2n`, and takes the difference, which cancels what the
 * readings and the loop allocate themselves: nothing allocated reads exactly 0. The result is
 * the median of the rounds, per call (a run of `callsPerRun` calls has its bytes divided by
 * that), to 0.1 byte (V8 leaves a few bytes of filler per page, about 0.01 byte per call that
 * allocates).
 */
export function bytesPerCall(
  run: () => unknown,
  callsPerRun: number,
  hooks: RuntimeHooks,
): number | null {
  const { collect, heapUsed } = hooks;
  if (collect === undefined || heapUsed === undefined) return null;
  const loop = new Function(
    "run",
    "n",
    `// allocation loop ${uniqueNumber()}\nfor (let i = 0; i < n; i++) run();`,
  ) as (run: () => unknown, n: number) => void;
  const allocated = (n: number): number => {
    const before = heapUsed();
    loop(run, n);
    return heapUsed() - before;
  };
  const maxRuns = Math.max(4, Math.floor(ROUND_CALLS / callsPerRun));
  for (let i = 0; i < 5; i++) loop(run, maxRuns);
  collect("major");
  const probe = Math.min(maxRuns, 64);
  const estimate = Math.max(1, allocated(probe) / probe);
  const n = Math.max(4, Math.min(maxRuns, Math.floor(ROUND_BYTES / 2 / estimate)));
  const perRun: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    collect("minor");
    const once = allocated(n);
    const twice = allocated(2 * n);
    perRun.push((twice - once) / n);
  }
  perRun.sort((a, b) => a - b);
  const median = perRun[(ROUNDS - 1) / 2] as number;
  return Math.round((Math.max(0, median) / callsPerRun) * 10) / 10;
}
