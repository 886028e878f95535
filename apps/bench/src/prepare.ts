import { Engine, Store } from "@wasmcall/runtime";
import { callContestant } from "./call-contestants.js";
import { callSetup } from "./call-setup.js";
import { type Contestant, type ContestantId, checkContestant } from "./contestants.js";
import { hostContestant, hostSetup } from "./host-contestants.js";
import type { Failure } from "./results.js";
import type { Workload } from "./workloads/workload.js";

/** The contestants of a workload that are ready to measure, and those that are not. */
export interface Prepared {
  /** Contestants that ran once and returned the workload's expected results. */
  readonly contestants: readonly Contestant[];
  /** Contestants that could not be made, threw, or returned a wrong result. */
  readonly failures: readonly Failure[];
}

/**
 * Makes the contestants `ids` of `workload`, all in one new store over its module `binary`
 * (see `workloadModuleText`), and checks each by running it once: only those that return the
 * workload's expected results are measured.
 *
 * @throws {WebAssembly.CompileError} when `binary` is not a valid module.
 */
export function prepareContestants(
  workload: Workload,
  ids: readonly ContestantId[],
  binary: Uint8Array<ArrayBuffer>,
): Prepared {
  const store = new Store(new Engine());
  let make: (id: ContestantId) => Contestant;
  if (workload.kind === "call") {
    const setup = callSetup(workload, store, binary);
    make = (id) => callContestant(setup, id);
  } else {
    const setup = hostSetup(workload, store, binary);
    make = (id) => hostContestant(setup, id);
  }
  const contestants: Contestant[] = [];
  const failures: Failure[] = [];
  for (const id of ids) {
    let error: string | undefined;
    try {
      const contestant = make(id);
      error = checkContestant(contestant);
      if (error === undefined) contestants.push(contestant);
    } catch (cause) {
      error = `could not be made: ${cause instanceof Error ? cause.message : String(cause)}`;
    }
    if (error !== undefined) failures.push({ workload: workload.name, ...id, error });
  }
  return { contestants, failures };
}
