import type { RuntimeName } from "@wasmcall/host-runtimes";
import type { GuestFailure } from "@wasmcall/host-runtimes/guest";
import { scriptFolder } from "./script-folder.js";
import type { SuiteName } from "./suite.js";

/**
 * A known way an engine departs from the WebAssembly specification in the spec testsuite:
 * failures in `script` whose `command` and `outcome` match are the engine's, not wasmcall's,
 * and are counted apart.
 */
export interface SpecDeviation {
  /** The spec testsuite: WebAssembly 2.0's or 3.0's. */
  readonly suite: "spec" | "spec3";
  /** The spec script it concerns, as the folder of the failure's name: `unreached-invalid`. */
  readonly script: string;
  /** The spec command kind it concerns. */
  readonly command: string;
  /** What the engine did instead of what the command expects. */
  readonly outcome: string;
  /** Why: the engine behaviour, in one sentence. */
  readonly reason: string;
}

/**
 * A known engine fault that one conformance test meets: its failure, when its message starts
 * with `message`, is the engine's, not wasmcall's, and is counted apart.
 */
export interface TestDeviation {
  readonly suite: "conformance";
  /** The test's full name: `file > block > title`. */
  readonly test: string;
  /** How the failure's message starts. */
  readonly message: string;
  /** Why: the engine behaviour, in one sentence. */
  readonly reason: string;
}

/** A known engine deviation: in the spec testsuite, or in one conformance test. */
export type EngineDeviation = SpecDeviation | TestDeviation;

/** Why Bun compiles the spec's invalid modules with invalid code after `unreachable`. */
const JSC_UNREACHED =
  "JavaScriptCore does not validate code after `unreachable` (the spec's unreached-invalid modules compile)";

/** Why Firefox ESR 140 returns from memory_init.wast's and memory_init64.wast's trapping call. */
const SPIDERMONKEY_MEMORY_INIT =
  "SpiderMonkey (Firefox ESR 140) does not trap on a memory.init of a dropped segment with length 0 at an offset past the memory's end";

/** The engine deviations of each runtime. Every other failure counts as a failure. */
export const ENGINE_DEVIATIONS: Readonly<Partial<Record<RuntimeName, readonly EngineDeviation[]>>> =
  {
    bun: [
      {
        suite: "spec",
        script: "unreached-invalid",
        command: "assert_invalid",
        outcome: "compiled",
        reason: JSC_UNREACHED,
      },
      {
        suite: "spec3",
        script: "unreached-invalid",
        command: "assert_invalid",
        outcome: "compiled",
        reason: JSC_UNREACHED,
      },
      {
        suite: "spec3",
        script: "call_ref",
        command: "assert_invalid",
        outcome: "compiled",
        reason:
          "JavaScriptCore does not validate code after `unreachable` (call_ref.wast's modules with a call_ref there compile)",
      },
      {
        suite: "spec3",
        script: "return_call_indirect",
        command: "assert_invalid",
        outcome: "compiled",
        reason:
          "JavaScriptCore does not validate code after a tail call, which is unreachable as code after `unreachable` is (return_call_indirect.wast's module compiles)",
      },
    ],
    firefox: [
      {
        suite: "spec3",
        script: "align",
        command: "assert_malformed",
        outcome: "compiled",
        reason:
          "SpiderMonkey (Firefox ESR 140) accepts memory-access flags above 0xff whose low byte is valid (align.wast: malformed memop flags)",
      },
      {
        suite: "spec3",
        script: "memory_init",
        command: "assert_trap",
        outcome: "returned ()",
        reason: SPIDERMONKEY_MEMORY_INIT,
      },
      {
        suite: "spec3",
        script: "memory_init64",
        command: "assert_trap",
        outcome: "returned ()",
        reason: SPIDERMONKEY_MEMORY_INIT,
      },
      {
        suite: "conformance",
        test: "async-loading.test.ts > Module.compileStreaming refuses bad responses with a CompileError > when its body ends inside the module, with the engine's error",
        message: "EngineUnsettled: WebAssembly.compileStreaming did not settle",
        reason:
          "SpiderMonkey (Firefox ESR 140) never settles WebAssembly.compileStreaming of a body that ends inside the code section, so there is no engine error to compare with (Module.compileStreaming, which hands the engine the body, stays unsettled too)",
      },
    ],
  };

function explains(deviation: EngineDeviation, failure: GuestFailure): boolean {
  if (deviation.suite === "conformance") {
    return deviation.test === failure.name && failure.message.startsWith(deviation.message);
  }
  return (
    deviation.script === scriptFolder(failure.name) &&
    deviation.command === failure.command &&
    deviation.outcome === failure.outcome
  );
}

/** The deviation of `runtime` that explains `failure` in `suite`, if one does. */
export function findDeviation(
  runtime: RuntimeName,
  suite: SuiteName,
  failure: GuestFailure,
): EngineDeviation | undefined {
  return ENGINE_DEVIATIONS[runtime]?.find(
    (deviation) => deviation.suite === suite && explains(deviation, failure),
  );
}

/** What a deviation concerns, in one line: `assert_invalid → compiled in unreached-invalid`. */
export function describeDeviation(deviation: EngineDeviation): string {
  if (deviation.suite === "conformance") return `${deviation.test}: ${deviation.message}`;
  return `${deviation.command} → ${deviation.outcome} in ${deviation.script}`;
}

/** Whether `runtime` has engine deviations in `suite`. */
export function hasDeviations(runtime: RuntimeName, suite: SuiteName): boolean {
  return ENGINE_DEVIATIONS[runtime]?.some((deviation) => deviation.suite === suite) ?? false;
}
