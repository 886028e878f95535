import type { RuntimeName } from "@wasmcall/host-runtimes";
import type { GuestFailure } from "@wasmcall/host-runtimes/guest";
import { scriptFolder } from "./script-folder.js";
import type { SuiteName } from "./suite.js";

/**
 * A known way an engine departs from the WebAssembly specification: failures of `suite` in
 * `script` whose `command` and `outcome` match are the engine's, not wasmcall's, and are
 * counted apart.
 */
export interface EngineDeviation {
  readonly suite: SuiteName;
  /** The spec script it concerns, as the folder of the failure's name: `unreached-invalid`. */
  readonly script: string;
  /** The spec command kind it concerns. */
  readonly command: string;
  /** What the engine did instead of what the command expects. */
  readonly outcome: string;
  /** Why: the engine behaviour, in one sentence. */
  readonly reason: string;
}

/** The engine deviations of each runtime. Every other failure counts as a failure. */
export const ENGINE_DEVIATIONS: Readonly<Partial<Record<RuntimeName, readonly EngineDeviation[]>>> =
  {
    bun: [
      {
        suite: "spec",
        script: "unreached-invalid",
        command: "assert_invalid",
        outcome: "compiled",
        reason:
          "JavaScriptCore does not validate code after `unreachable` (the spec's unreached-invalid modules compile)",
      },
    ],
  };

/** The deviation of `runtime` that explains `failure` in `suite`, if one does. */
export function findDeviation(
  runtime: RuntimeName,
  suite: SuiteName,
  failure: GuestFailure,
): EngineDeviation | undefined {
  return ENGINE_DEVIATIONS[runtime]?.find(
    (deviation) =>
      deviation.suite === suite &&
      deviation.script === scriptFolder(failure.name) &&
      deviation.command === failure.command &&
      deviation.outcome === failure.outcome,
  );
}

/** Whether `runtime` has engine deviations in `suite`. */
export function hasDeviations(runtime: RuntimeName, suite: SuiteName): boolean {
  return ENGINE_DEVIATIONS[runtime]?.some((deviation) => deviation.suite === suite) ?? false;
}
