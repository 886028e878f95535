import type { PassFigures, PassMessage } from "../pass.js";
import type { WorkloadPlan } from "../plan.js";
import { poolPasses } from "../pool-passes.js";
import { type Measurement, type Result, type RuntimeFailure, withRatios } from "../results.js";
import type { RuntimeId } from "../runtime-id.js";

/** The results of a run in the page, as they arrive. */
export class LiveResults {
  readonly #figures = new Map<string, PassFigures[]>();
  readonly #failures: RuntimeFailure[] = [];

  /** Results gathered in `runtime` for `plans`. */
  constructor(
    readonly runtime: RuntimeId,
    readonly plans: readonly WorkloadPlan[],
  ) {}

  /** Takes in a contestant's message. */
  add(message: PassMessage): void {
    if (message.kind === "failed") {
      this.#failures.push({ runtime: this.runtime, ...message.failure });
      return;
    }
    const workload = message.figures.workload;
    this.#figures.set(workload, [...(this.#figures.get(workload) ?? []), message.figures]);
  }

  /** Takes in a pass that failed as a whole. */
  addPassError(workload: string, pass: number, error: string): void {
    const text = `pass ${pass + 1}: ${error}`;
    this.#failures.push({ runtime: this.runtime, workload, strategy: "*", api: "*", error: text });
  }

  /** The measurements so far, each contestant's passes pooled. */
  measurements(): Measurement[] {
    return this.plans.flatMap((plan) =>
      poolPasses(this.runtime, plan, this.#figures.get(plan.workload.name) ?? []),
    );
  }

  /** The results of one workload so far, with their ratios. */
  resultsOf(workload: string): Result[] {
    const plan = this.plans.find((p) => p.workload.name === workload);
    if (plan === undefined) return [];
    return withRatios(poolPasses(this.runtime, plan, this.#figures.get(workload) ?? []));
  }

  /** The contestants that could not be measured, and the passes that failed. */
  failures(): readonly RuntimeFailure[] {
    return this.#failures;
  }
}
