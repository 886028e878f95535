import { getHeapStatistics } from "node:v8";
import { measure } from "mitata";

/** How long and how often to measure each contestant. */
export interface MeasureBudget {
  /**
   * Processes per workload: every contestant is timed in each and the samples are pooled. A
   * V8 process settles in one of a few speeds for the same code (code placement: 2.8 or 4.7 ns
   * for the same raw call on this machine class), so one process alone can mislead.
   */
  readonly passes: number;
  /** CPU time of the warm-up measurement, whose samples are thrown away (ns). */
  readonly warmupNs: number;
  /** CPU time of the measured samples in each pass, at least (ns). */
  readonly sampleNs: number;
}

/** The budget of `--quick`: the whole matrix in under a minute. */
export const QUICK_BUDGET: MeasureBudget = { passes: 3, warmupNs: 10e6, sampleNs: 30e6 };

/** The budget of a full run: mitata's default sampling time (642 ms) split over the passes. */
export const FULL_BUDGET: MeasureBudget = { passes: 5, warmupNs: 60e6, sampleNs: 130e6 };

/** Time per call, from the samples of one or more measurements (ns). */
export interface Timing {
  /** The median. */
  readonly p50: number;
  /** The first quartile. */
  readonly p25: number;
  /** The third quartile. */
  readonly p75: number;
  /** The fastest sample. */
  readonly min: number;
  /** The slowest sample (mitata drops the two slowest of each measurement first). */
  readonly max: number;
  /** How many samples there were (each the mean of a batch of calls). */
  readonly samples: number;
}

/**
 * Times `run` with mitata: a warm-up measurement (thrown away) so that the closure and what it
 * calls are optimized, then samples, each the mean time of a batch of runs. Returns the
 * samples per call: a run that makes `callsPerRun` calls has its times divided by that.
 */
export async function timeRun(
  run: () => unknown,
  callsPerRun: number,
  budget: MeasureBudget,
): Promise<number[]> {
  const options = {
    max_samples: uniqueNumber(),
    batch_samples: batchSize(run),
    // Always batch: mitata falls back to timing single calls (samples of clock overhead, by
    // the million) when the first, cold call happens to take over 0.5 ms.
    warmup_threshold: Number.POSITIVE_INFINITY,
    batch_threshold: Number.POSITIVE_INFINITY,
    min_cpu_time: budget.warmupNs,
    // Before sampling, a scavenge empties the young generation; a full collection (mitata's
    // default) would cost ~7 ms per measurement and change nothing for calls this small.
    gc: () => collect("minor"),
  };
  await measure(run, options);
  const sampling = { ...options, max_samples: uniqueNumber(), min_cpu_time: budget.sampleNs };
  const stats = await measure(run, sampling);
  return stats.samples.map((ns) => ns / callsPerRun);
}

let generated = 0;

/**
 * A number never returned before, put into the source of every generated measuring loop to make
 * it unique. V8 caches code compiled from source strings (`new Function`, `AsyncFunction`) by
 * its text, so loops of equal source share their type feedback: after a few contestants the
 * loop's call of the measured closure turns megamorphic and every figure gains ~5 ns (raw nop:
 * 3.9 ns alone, 9.2 ns after six other contestants). mitata's loop gets it as its cap on
 * samples (10^9 + n, never reached), the allocation loop as a comment.
 */
function uniqueNumber(): number {
  generated += 1;
  return 1e9 + generated;
}

/** The time one sample should take (ns): long enough to dwarf reading the clock. */
const SAMPLE_NS = 200_000;
/** How long {@link batchSize} runs the closure to see how fast it is (ms). */
const PROBE_MS = 3;

/**
 * How many runs one of mitata's samples times: 4096 (its default) for fast runs, fewer for
 * slow ones, so that a sample lasts about {@link SAMPLE_NS} and a slow contestant does not
 * take 12 samples of 4096 runs each; always a multiple of mitata's unrolling, 4. The runs are
 * timed in chunks for a few milliseconds and the fastest chunk counts, so that the first,
 * unoptimized runs do not make a fast closure look slow.
 */
function batchSize(run: () => unknown): number {
  const chunk = 16;
  const start = performance.now();
  let fastest = Number.POSITIVE_INFINITY;
  while (performance.now() - start < PROBE_MS) {
    const t0 = performance.now();
    for (let i = 0; i < chunk; i++) run();
    fastest = Math.min(fastest, ((performance.now() - t0) * 1e6) / chunk);
  }
  return 4 * Math.max(1, Math.min(1024, Math.round(SAMPLE_NS / fastest / 4)));
}

/**
 * Runs the garbage collector: `minor` empties the young generation (a scavenge, ~0.1 ms),
 * `major` collects everything.
 *
 * @throws {Error} when the process has no `gc()` (run node with `--expose-gc`).
 */
function collect(type: "minor" | "major"): void {
  const gc = (globalThis as { gc?: (options: { type: string }) => void }).gc;
  if (gc === undefined) throw new Error("measuring needs gc(): run node with --expose-gc");
  gc({ type });
}

/** The median, quartiles and extremes of `samples` (ns per call). */
export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.floor(q * (sorted.length - 1))] as number;
  return {
    p50: at(0.5),
    p25: at(0.25),
    p75: at(0.75),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    samples: sorted.length,
  };
}

/** Bytes of live objects on the V8 heap. */
function heapUsed(): number {
  return getHeapStatistics().used_heap_size;
}

/** The heap budget of one allocation round: small enough that no scavenge runs within it. */
const ROUND_BYTES = 256 * 1024;
/** Calls in one allocation round, at most. */
const ROUND_CALLS = 10_000;
/** Allocation rounds; the figure is their median, so a round a collection upset is outvoted. */
const ROUNDS = 9;

/**
 * Bytes `run` allocates per call on the V8 heap, measured apart from the timing: the runs of a
 * round are made in a loop compiled for this closure alone (so its call can be inlined, as in
 * the timed loop), between readings of the heap's used size after a scavenge. Each round
 * makes `n` runs and then `2n`, and takes the difference, which cancels what the readings and
 * the loop allocate themselves: nothing allocated reads exactly 0. The result is the median of
 * the rounds, per call (a run of `callsPerRun` calls has its bytes divided by that), to 0.1
 * byte (V8 leaves a few bytes of filler per page, about 0.01 byte per call that allocates).
 *
 * @throws {Error} when the process has no `gc()` (run node with `--expose-gc`).
 */
export function bytesPerCall(run: () => unknown, callsPerRun: number): number {
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
