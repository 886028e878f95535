import type { GuestFailure, GuestSuiteResult } from "@wasmcall/host-runtimes/guest";
import { scriptFolder } from "./script-folder.js";
import { REFERENCE_STRATEGY } from "./suite.js";

/** Runs the suite again for `strategies` only, over `scripts` (folders) or the whole suite. */
export type NarrowRun = (
  strategies: readonly string[],
  scripts: readonly string[] | undefined,
) => Promise<GuestSuiteResult>;

/** The strategies (the reference left out) that failed more often than the guest listed. */
export function strategiesWithUnlistedFailures(result: GuestSuiteResult): string[] {
  return Object.entries(result.strategies)
    .filter(([strategy, counts]) => {
      if (strategy === REFERENCE_STRATEGY) return false;
      const listed = result.failures.filter((f) => f.strategy === strategy).length;
      return counts.failed > listed;
    })
    .map(([strategy]) => strategy);
}

/** The script folders of `failures` (a spec failure's name is `folder/file.wast:line`). */
function foldersOf(failures: readonly GuestFailure[]): string[] {
  return [...new Set(failures.map((f) => scriptFolder(f.name)))];
}

/**
 * Completes the failure lists a guest cut short (it lists at most 200, shared between the
 * strategies), so that every failure can be judged. Asks the guest again one strategy at a
 * time: the first incomplete strategy over the whole suite, each other one over only the
 * folders where the first failed (engine deviations are the engine's, so they fail in the same
 * scripts under every strategy). A strategy's list is replaced only when the new run lists
 * exactly as many failures as the first run counted; otherwise it stays as it was, and its
 * unlisted failures keep counting as failures.
 *
 * @throws the narrow run's error when a run gives no result.
 */
export async function completeFailures(
  result: GuestSuiteResult,
  narrow: NarrowRun,
): Promise<GuestSuiteResult> {
  const incomplete = strategiesWithUnlistedFailures(result);
  const [first, ...others] = incomplete;
  if (first === undefined) return result;
  const complete = new Map<string, readonly GuestFailure[]>();
  const keep = (strategy: string, run: GuestSuiteResult): void => {
    const listed = run.failures.filter((f) => f.strategy === strategy);
    if (listed.length === result.strategies[strategy]?.failed) complete.set(strategy, listed);
  };
  const firstRun = await narrow([first], undefined);
  keep(first, firstRun);
  const folders = foldersOf(firstRun.failures);
  for (const strategy of others) keep(strategy, await narrow([strategy], folders));
  const failures = Object.keys(result.strategies).flatMap(
    (strategy) => complete.get(strategy) ?? result.failures.filter((f) => f.strategy === strategy),
  );
  return { ...result, failures };
}
