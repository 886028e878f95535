import type { GuestCounts, GuestFailure, GuestSuiteResult } from "./guest/suite-result.js";

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function isSkips(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).every(isCount);
}

function isCounts(value: unknown): value is GuestCounts {
  if (typeof value !== "object" || value === null) return false;
  const { passed, failed, skipped, skips } = value as Record<string, unknown>;
  return isCount(passed) && isCount(failed) && isCount(skipped) && isSkips(skips);
}

function isOptionalText(value: unknown): boolean {
  return value === undefined || typeof value === "string";
}

function isFailure(value: unknown): value is GuestFailure {
  if (typeof value !== "object" || value === null) return false;
  const { strategy, name, message, command, outcome } = value as Record<string, unknown>;
  return (
    typeof strategy === "string" &&
    typeof name === "string" &&
    typeof message === "string" &&
    isOptionalText(command) &&
    isOptionalText(outcome)
  );
}

/**
 * The host's check of what a test-suite guest returned (`runGuest`'s `result`): that it has
 * the `GuestSuiteResult` shape, which it then returns typed.
 *
 * @throws {Error} saying which part is missing or malformed.
 * @example
 * ```ts
 * const { result } = await runGuest("bun", { script, args: {} });
 * const { strategies, failures } = readSuiteResult(result);
 * ```
 */
export function readSuiteResult(value: unknown): GuestSuiteResult {
  if (typeof value !== "object" || value === null) {
    throw new Error(`the guest returned ${JSON.stringify(value)}, not a suite result`);
  }
  const { runtime, strategies, failures } = value as Record<string, unknown>;
  if (typeof runtime !== "string") throw new Error("the guest's result has no runtime");
  if (typeof strategies !== "object" || strategies === null) {
    throw new Error("the guest's result has no strategies");
  }
  for (const [name, counts] of Object.entries(strategies)) {
    if (!isCounts(counts)) throw new Error(`the guest's counts of ${name} are malformed`);
  }
  if (!Array.isArray(failures) || !failures.every(isFailure)) {
    throw new Error("the guest's failures are malformed");
  }
  return value as GuestSuiteResult;
}
