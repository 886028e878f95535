import { CALL_WORKLOADS } from "./call-workloads.js";
import { HOST_WORKLOADS } from "./host-workloads.js";
import type { Workload } from "./workload.js";

/** Every workload, host-to-wasm first, in the order they run and are reported. */
export const WORKLOADS: readonly Workload[] = [...CALL_WORKLOADS, ...HOST_WORKLOADS];

/**
 * The workload named `name`.
 *
 * @throws {Error} when there is none.
 */
export function workloadNamed(name: string): Workload {
  const workload = WORKLOADS.find((w) => w.name === name);
  if (workload === undefined) throw new Error(`no workload named ${name}`);
  return workload;
}
