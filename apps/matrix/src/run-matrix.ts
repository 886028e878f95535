import { existsSync } from "node:fs";
import {
  type EngineName,
  type GuestRun,
  type RunGuestOptions,
  type RuntimeName,
  readSuiteResult,
  runtimeInfo,
} from "@wasmcall/host-runtimes";
import type { GuestSuiteResult } from "@wasmcall/host-runtimes/guest";
import { completeFailures, strategiesWithUnlistedFailures } from "./complete-failures.js";
import { hasDeviations } from "./engine-deviations.js";
import { judgeSuite, type SuiteVerdict } from "./judge-suite.js";
import type { SuiteName, SuitePlan } from "./suite.js";

/** A suite that ran to a result, judged. */
export interface SuiteDone {
  readonly result: GuestSuiteResult;
  readonly verdict: SuiteVerdict;
  /** How long the run took. */
  readonly ms: number;
}

/** A suite that did not give a result: the guest failed, crashed or timed out. */
export interface SuiteError {
  readonly error: string;
  readonly ms: number;
}

/** One runtime's row of the matrix. */
export interface RuntimeOutcome {
  readonly name: RuntimeName;
  readonly engine: EngineName;
  /** The runtime's own version string; `undefined` when it could not be started. */
  readonly version: string | undefined;
  /** Why the runtime could not be started, when it could not. */
  readonly error?: string;
  /** Each suite's outcome (none when the runtime could not be started). */
  readonly suites: Partial<Record<SuiteName, SuiteDone | SuiteError>>;
}

/** What {@link runMatrix} uses to do its work (the host-runtimes functions, or fakes). */
export interface MatrixHooks {
  readonly ensureRuntime: (name: RuntimeName) => Promise<{ version: string }>;
  readonly runGuest: (name: RuntimeName, options: RunGuestOptions) => Promise<GuestRun>;
  /** Receives one progress line per step. */
  readonly progress: (line: string) => void;
  /** Receives the guests' messages. */
  readonly onMessage?: (runtime: RuntimeName, suite: SuiteName, message: unknown) => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runSuite(
  name: RuntimeName,
  plan: SuitePlan,
  hooks: MatrixHooks,
  timeoutMs: number,
): Promise<SuiteDone | SuiteError> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  if (!existsSync(plan.script)) {
    return { error: `${plan.script} is missing: build it (pnpm build)`, ms: 0 };
  }
  const run = async (args: unknown): Promise<GuestSuiteResult> => {
    const { result } = await hooks.runGuest(name, {
      script: plan.script,
      args,
      mounts: plan.mounts,
      timeoutMs,
      onMessage: (message) => hooks.onMessage?.(name, plan.name, message),
    });
    return readSuiteResult(result);
  };
  try {
    let result = await run(plan.args);
    const { narrowArgs } = plan;
    if (
      narrowArgs !== undefined &&
      hasDeviations(name, plan.name) &&
      strategiesWithUnlistedFailures(result).length > 0
    ) {
      hooks.progress(`${name}: ${plan.name}: listing the failures the guest left out`);
      result = await completeFailures(result, (strategies, scripts) =>
        run(narrowArgs(strategies, scripts)),
      );
    }
    return { result, verdict: judgeSuite(name, plan.name, result), ms: ms() };
  } catch (error) {
    return { error: messageOf(error), ms: ms() };
  }
}

/**
 * Runs every suite of `suites` in every runtime of `runtimes`, one run at a time: makes the
 * runtime ready, then runs each suite's guest and judges its result. A runtime that cannot be
 * started and a suite that gives no result are recorded as errors, and the matrix goes on.
 */
export async function runMatrix(
  runtimes: readonly RuntimeName[],
  suites: readonly SuitePlan[],
  hooks: MatrixHooks,
  timeoutMs: number,
): Promise<RuntimeOutcome[]> {
  const outcomes: RuntimeOutcome[] = [];
  for (const name of runtimes) {
    const { engine } = runtimeInfo(name);
    hooks.progress(`${name}: getting ready`);
    let version: string;
    try {
      ({ version } = await hooks.ensureRuntime(name));
    } catch (error) {
      hooks.progress(`${name}: cannot be started`);
      outcomes.push({ name, engine, version: undefined, error: messageOf(error), suites: {} });
      continue;
    }
    hooks.progress(`${name}: ${version}`);
    const done: Partial<Record<SuiteName, SuiteDone | SuiteError>> = {};
    for (const plan of suites) {
      hooks.progress(`${name}: ${plan.name}...`);
      const outcome = await runSuite(name, plan, hooks, timeoutMs);
      done[plan.name] = outcome;
      const how = "error" in outcome ? "no result" : "done";
      hooks.progress(`${name}: ${plan.name} ${how} in ${(outcome.ms / 1000).toFixed(1)}s`);
    }
    outcomes.push({ name, engine, version, suites: done });
  }
  return outcomes;
}
