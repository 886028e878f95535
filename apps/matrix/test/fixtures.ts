import type { GuestFailure, GuestSuiteResult } from "@wasmcall/host-runtimes/guest";

/**
 * An `assert_invalid` module of `script` the engine compiled: in `unreached-invalid` (the
 * default), the shape of JavaScriptCore's deviation.
 */
export function compiledInvalid(
  strategy: string,
  line: number,
  script = "unreached-invalid",
): GuestFailure {
  return {
    strategy,
    name: `${script}/${script}.wast:${line}`,
    message: "expected an invalid module, it compiled",
    command: "assert_invalid",
    outcome: "compiled",
  };
}

/** A spec result: baseline with `failures` failing, and the js-api reference failing 7. */
export function specResult(failures: readonly GuestFailure[]): GuestSuiteResult {
  return {
    runtime: "test engine",
    strategies: {
      baseline: { passed: 100, failed: failures.length, skipped: 0 },
      "js-api": { passed: 93, failed: 7, skipped: 0 },
    },
    failures: [{ strategy: "js-api", name: "simd.json:3", message: "v128" }, ...failures],
  };
}
