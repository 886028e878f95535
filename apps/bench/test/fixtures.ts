import type { Result } from "../src/results.js";

/**
 * A result of `strategy` through `api` on `workload` taking `ns` per call, as the bench makes
 * them (ratios to be filled in by `withRatios`, or given).
 */
export function result(
  workload: string,
  strategy: string,
  api: string,
  ns: number,
  extra: Partial<Result> = {},
): Result {
  return {
    workload,
    strategy,
    api,
    timing: { p50: ns, p25: ns * 0.9, p75: ns * 1.1, min: ns * 0.8, max: ns * 2, samples: 100 },
    bytesPerCall: 0,
    nsPerCall: ns,
    ratioToRaw: null,
    ratioToBaseline: null,
    ...extra,
  };
}
