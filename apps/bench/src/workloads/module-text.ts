import { callModuleText } from "./call-workloads.js";
import type { Workload } from "./workload.js";

/** The module of `workload` in the WebAssembly text format, as the bench instantiates it. */
export function workloadModuleText(workload: Workload): string {
  return workload.kind === "call" ? callModuleText(workload) : workload.wat;
}
