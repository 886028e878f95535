import { measure } from "mitata/src/lib.mjs";
import type { MeasureBudget } from "./budget.js";
import { clockResolutionNs } from "./clock.js";
import type { RuntimeHooks } from "./runtime-hooks.js";
import { uniqueNumber } from "./unique-number.js";

/** The time one sample should take (ns) with a fine clock. */
const SAMPLE_NS = 200_000;
/** Runs per sample at most, with a fine clock: mitata's default. */
const MAX_BATCH = 4096;
/** A sample should last this many steps of the clock, so that it is read to 2%. */
const CLOCK_STEPS = 50;
/** How long {@link fastestRunNs} runs the closure to see how fast it is (ms), at least. */
const PROBE_MS = 3;
/** Measurements after the first whose samples turned out too short for the clock, at most. */
const RETRIES = 2;

/**
 * Times `run` with mitata: a warm-up measurement (thrown away) so that the closure and what it
 * calls are optimized, then samples, each the mean time of a batch of runs. Returns the
 * samples per call: a run that makes `callsPerRun` calls has its times divided by that. Before
 * each measurement a minor collection empties the young generation, where the runtime allows
 * it (`hooks.collect`).
 *
 * Batches are sized on how fast `run` is just before each measurement (see {@link batchSize}),
 * and the samples are checked after it: where the median sample lasted under half of
 * {@link CLOCK_STEPS} steps of the clock (a browser's clock steps by 5 µs to 1 ms, and a
 * closure can run slower in the probe than in mitata's loop), the measurement is made again
 * with batches as much larger, up to {@link RETRIES} times.
 */
export async function timeRun(
  run: () => unknown,
  callsPerRun: number,
  budget: MeasureBudget,
  hooks: RuntimeHooks,
): Promise<number[]> {
  const collect = hooks.collect;
  const options = {
    // Always batch: mitata falls back to timing single calls (samples of clock overhead, by
    // the million) when the first, cold call happens to take over 0.5 ms.
    warmup_threshold: Number.POSITIVE_INFINITY,
    batch_threshold: Number.POSITIVE_INFINITY,
    // A scavenge empties the young generation; a full collection (mitata's default) would
    // cost ~7 ms per measurement and change nothing for calls this small. Without a collector
    // (browsers) none: mitata's stand-in allocates a gigabyte.
    gc: collect === undefined ? false : () => collect("minor"),
  };
  // Two warm-up samples suffice where a coarse clock makes each sample long (browsers); with
  // a fine clock the warm-up's CPU time makes hundreds anyway.
  await measure(run, {
    ...options,
    max_samples: uniqueNumber(),
    batch_samples: batchSize(fastestRunNs(run)),
    min_cpu_time: budget.warmupNs,
    min_samples: 2,
  });
  const wantedNs = CLOCK_STEPS * clockResolutionNs();
  let batch = batchSize(fastestRunNs(run));
  for (let attempt = 0; ; attempt++) {
    const stats = await measure(run, {
      ...options,
      max_samples: uniqueNumber(),
      batch_samples: batch,
      min_cpu_time: budget.sampleNs,
    });
    const sampleNs = stats.p50 * batch;
    if (sampleNs >= wantedNs / 2 || attempt === RETRIES) {
      return stats.samples.map((ns) => ns / callsPerRun);
    }
    batch = roundToUnrolling(batch * Math.min(1000, wantedNs / Math.max(sampleNs, wantedNs / 50)));
  }
}

/**
 * How many runs one of mitata's samples times, for a closure that takes `perRunNs` a run:
 * 4096 (its default) for fast runs, fewer for slow ones, so that a sample lasts about
 * {@link SAMPLE_NS} and a slow contestant does not take 12 samples of 4096 runs each; but
 * always enough that a sample lasts {@link CLOCK_STEPS} steps of a coarse clock (browsers).
 */
function batchSize(perRunNs: number): number {
  const clockNs = CLOCK_STEPS * clockResolutionNs();
  return roundToUnrolling(Math.max(clockNs / perRunNs, Math.min(MAX_BATCH, SAMPLE_NS / perRunNs)));
}

/** `runs` rounded up to a multiple of mitata's unrolling, 4 (at least 4). */
function roundToUnrolling(runs: number): number {
  return 4 * Math.max(1, Math.ceil(runs / 4));
}

/**
 * The time of one run (ns): runs are timed in chunks, doubled until a chunk lasts 20 steps of
 * the clock, for a few milliseconds, and the fastest chunk counts, so that the first,
 * unoptimized runs do not make a fast closure look slow.
 */
function fastestRunNs(run: () => unknown): number {
  const stepMs = clockResolutionNs() / 1e6;
  const start = performance.now();
  let chunk = 16;
  let fastest = Number.POSITIVE_INFINITY;
  while (performance.now() - start < Math.max(PROBE_MS, 100 * stepMs)) {
    const t0 = performance.now();
    for (let i = 0; i < chunk; i++) run();
    const elapsed = performance.now() - t0;
    if (elapsed < 20 * stepMs) chunk *= 2;
    else fastest = Math.min(fastest, (elapsed * 1e6) / chunk);
  }
  // A run too fast to time within the probe: as fast as the largest chunk says, at most.
  return Number.isFinite(fastest) ? fastest : (20 * stepMs * 1e6) / chunk;
}
