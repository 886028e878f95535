import { availableParallelism, loadavg } from "node:os";

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
