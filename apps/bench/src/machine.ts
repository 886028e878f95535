import { availableParallelism, loadavg } from "node:os";

/** The Node and V8 versions this process runs on: `node 20.20.2 (V8 11.3.244.8-node.33)`. */
export function runtimeName(): string {
  return `node ${process.versions.node} (V8 ${process.versions.v8})`;
}

/** How busy the machine is: figures taken while other processes run are noisier. */
export interface MachineLoad {
  /** The CPUs the process may use. */
  readonly cpus: number;
  /** The load average over the last minute. */
  readonly load: number;
}

/** The machine's CPUs and its load average over the last minute. */
export function machineLoad(): MachineLoad {
  return { cpus: availableParallelism(), load: loadavg()[0] as number };
}
