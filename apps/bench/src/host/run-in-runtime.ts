import { ensureRuntime, type RuntimeName, runGuest, runtimeInfo } from "@wasmcall/host-runtimes";
import type { GuestArgs, GuestMessage, GuestOutcome } from "../guest/guest-protocol.js";
import type { MeasureBudget } from "../measure/budget.js";
import type { PassFigures, PassMessage, PassRequest } from "../pass.js";
import type { WorkloadPlan } from "../plan.js";
import { poolPasses } from "../pool-passes.js";
import type { Measurement, RuntimeFailure } from "../results.js";
import type { RuntimeRun, UnavailableRuntime } from "../run-report.js";
import type { RuntimeId } from "../runtime-id.js";
import type { BenchFiles } from "./bench-files.js";
import { versionNumber } from "./version-number.js";

/** What one runtime gave: its run, or why it could not be started. */
export interface RuntimeOutcome {
  readonly run: RuntimeRun | undefined;
  readonly unavailable: UnavailableRuntime | undefined;
  readonly measurements: readonly Measurement[];
  readonly failures: readonly RuntimeFailure[];
}

/** Told of every contestant of every pass as it is done. */
export type Progress = (runtime: RuntimeId, pass: number, message: PassMessage) => void;

/** How the bench runs its guests in one runtime. */
export interface RuntimeSetup {
  readonly plans: readonly WorkloadPlan[];
  readonly budget: MeasureBudget;
  /** Every planned workload's module, assembled, by name. */
  readonly binaries: Readonly<Record<string, readonly number[]>>;
  readonly files: BenchFiles;
  readonly progress: Progress;
}

/** How long one pass may take in a guest, start-up included (ms). */
const PASS_TIMEOUT_MS = 300_000;
/** The URL path the pass worker is served at in a browser guest. */
const WORKER_URL = "/bench/pass-worker.js";

interface PlannedPass {
  readonly plan: WorkloadPlan;
  readonly request: PassRequest;
}

/**
 * Runs every planned pass in runtime `name`, installing the runtime first when it is missing.
 * A process runtime (Node, Bun, Deno) gets a fresh guest process for each pass of each
 * workload, as `--runtime node` always did; a browser gets one guest page that makes each
 * pass in a fresh worker (a browser's start-up would cost more than the passes). A runtime
 * that cannot be installed or whose first guest fails before measuring anything is
 * `unavailable`; a pass that fails later is a failure of its workload, whose other passes are
 * then skipped in a process runtime.
 */
export async function runInRuntime(
  name: RuntimeName,
  setup: RuntimeSetup,
): Promise<RuntimeOutcome> {
  let version: string;
  try {
    version = versionNumber((await ensureRuntime(name)).version);
  } catch (error) {
    return unavailable(name, error);
  }
  const runtime: RuntimeId = { name, version };
  const { plans, budget } = setup;
  const planned: PlannedPass[] = plans.flatMap((plan) =>
    Array.from({ length: budget.passes }, (_, pass) => ({
      plan,
      request: {
        workload: plan.workload.name,
        binary: setup.binaries[plan.workload.name] ?? [],
        ids: plan.ids,
        pass,
        budget,
      },
    })),
  );
  const figures = new Map<WorkloadPlan, PassFigures[]>();
  const failures: RuntimeFailure[] = [];
  let received = 0;
  let outcome: GuestOutcome | undefined;
  const guest = async (batch: readonly PlannedPass[], workerUrl: string | null) => {
    const args: GuestArgs = { passes: batch.map((b) => b.request), workerUrl };
    const { result } = await runGuest(name, {
      script: setup.files.guest,
      args,
      mounts: { "/bench/": setup.files.web },
      exposeGc: true,
      timeoutMs: PASS_TIMEOUT_MS * batch.length,
      onMessage: (raw) => {
        received += 1;
        const message = raw as GuestMessage;
        const item = batch[message.index] as PlannedPass;
        const workload = item.plan.workload.name;
        if ("error" in message) {
          const error = `pass ${item.request.pass + 1}: ${message.error}`;
          failures.push({ runtime, workload, strategy: "*", api: "*", error });
          return;
        }
        const m = message.message;
        if (m.kind === "failed") failures.push({ runtime, ...m.failure });
        else figures.set(item.plan, [...(figures.get(item.plan) ?? []), m.figures]);
        setup.progress(runtime, item.request.pass, m);
      },
    });
    outcome = result as GuestOutcome;
  };
  if (runtimeInfo(name).kind === "browser") {
    try {
      await guest(planned, WORKER_URL);
    } catch (error) {
      if (received === 0) return unavailable(name, error);
      failures.push({ runtime, workload: "*", strategy: "*", api: "*", error: messageOf(error) });
    }
  } else {
    for (const plan of plans) {
      for (const item of planned.filter((p) => p.plan === plan)) {
        try {
          await guest([item], null);
        } catch (error) {
          if (received === 0) return unavailable(name, error);
          const text = `pass ${item.request.pass + 1}: ${messageOf(error)}`;
          failures.push({
            runtime,
            workload: plan.workload.name,
            strategy: "*",
            api: "*",
            error: text,
          });
          break;
        }
      }
    }
  }
  const done = outcome as GuestOutcome | undefined;
  return {
    run: {
      runtime,
      description: done?.description ?? "",
      noAllocation: done?.noAllocation ?? null,
    },
    unavailable: undefined,
    measurements: plans.flatMap((plan) => poolPasses(runtime, plan, figures.get(plan) ?? [])),
    failures,
  };
}

function unavailable(name: string, error: unknown): RuntimeOutcome {
  return {
    run: undefined,
    unavailable: { name, error: messageOf(error) },
    measurements: [],
    failures: [],
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
