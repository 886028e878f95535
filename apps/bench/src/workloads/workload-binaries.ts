import { assemble } from "./assemble.js";
import { workloadModuleText } from "./module-text.js";
import type { Workload } from "./workload.js";

/**
 * The modules of `workloads`, assembled, by workload name, as arrays of bytes (JSON for a
 * guest's arguments or a web page). Assembling needs wabt, which stays on the host: the code
 * that measures only ever receives binaries.
 *
 * @throws {Error} wabt's error when a module's text does not assemble.
 */
export async function workloadBinaries(
  workloads: readonly Workload[],
): Promise<Record<string, number[]>> {
  const binaries: Record<string, number[]> = {};
  for (const workload of workloads) {
    binaries[workload.name] = Array.from(await assemble(workloadModuleText(workload)));
  }
  return binaries;
}
