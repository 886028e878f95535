import { Func, type Store } from "@wasmcall/runtime";
import { typedHost } from "@wasmcall/typed-func";
import { type Contestant, type ContestantId, contestantKey } from "./contestants.js";
import { freshRun } from "./fresh-run.js";
import { valsOfJs } from "./vals-of-js.js";
import type { HostWorkload } from "./workloads/workload.js";

/** What every contestant of one host workload shares: its store and its compiled module. */
export interface HostSetup {
  readonly workload: HostWorkload;
  readonly store: Store;
  readonly module: WebAssembly.Module;
}

/** Compiles the module of `workload` (`bytes`) for contestants in `store`. */
export function hostSetup(
  workload: HostWorkload,
  store: Store,
  bytes: Uint8Array<ArrayBuffer>,
): HostSetup {
  return { workload, store, module: new WebAssembly.Module(bytes) };
}

/**
 * Makes contestant `id` of a host workload: the host function defined through that
 * contestant's API, and an instance of the module importing it. Every contestant's run is the
 * same raw JS call of the instance's `run(n)`; only the host function differs.
 *
 * @throws {Error} for a contestant the workload does not have, or whatever the API throws.
 */
export function hostContestant(setup: HostSetup, id: ContestantId): Contestant {
  const { workload, store } = setup;
  const host = hostFunction(workload, store, id);
  const instance = new WebAssembly.Instance(setup.module, { env: { host } });
  const run = instance.exports.run as (n: number) => unknown;
  return {
    ...id,
    workload: workload.name,
    callsPerRun: workload.callsPerRun,
    run: freshRun(contestantKey(workload.name, id), { run, n: workload.callsPerRun }, "run(n)"),
    read: (value: unknown) => valsOfJs(store, [workload.expected.type], value),
    expected: [workload.expected],
  };
}

/** The function to import as `env.host`, defined through the API of contestant `id`. */
function hostFunction(
  workload: HostWorkload,
  store: Store,
  id: ContestantId,
): (...args: never[]) => unknown {
  const type = store.engine.funcType(workload.params, workload.results);
  const { bodies } = workload;
  switch (`${id.strategy}/${id.api}`) {
    case "raw/native":
      return bodies.js;
    case "runtime/wrap":
      return Func.wrap(store, type, bodies.js).js;
    case "runtime/hostRaw":
      return Func.hostRaw(store, type, bodies.raw(store.slots)).js;
    case "runtime/host":
      return Func.host(store, type, bodies.val).js;
    case "typed-func/native":
      return typedHost(store, workload.params, workload.results, bodies.js as never).js;
    default:
      throw new Error(`${workload.name} has no contestant ${id.strategy}/${id.api}`);
  }
}
