import type { Val } from "@wasmcall/core-types";
import { Engine, type Func, Instance, Module, Store } from "@wasmcall/runtime";
import type { CallWorkload } from "./workloads/workload.js";

/** What every contestant of one call workload shares: the instance, `f`, one call's values. */
export interface CallSetup {
  readonly workload: CallWorkload;
  /** The workload's module, from which {@link closureSetup} makes an instance of its own. */
  readonly bytes: Uint8Array;
  readonly store: Store;
  readonly func: Func;
  /** The arguments as `Val`s, in an array of their own for each contestant. */
  readonly params: () => Val[];
  readonly expected: readonly Val[];
}

/** Instantiates the module of `workload` (`bytes`) in `store` for its contestants. */
export function callSetup(workload: CallWorkload, store: Store, bytes: Uint8Array): CallSetup {
  const instance = new Instance(store, new Module(store.engine, bytes), []);
  const example = workload.example(instance);
  return {
    workload,
    bytes,
    store,
    func: instance.getFunc("f") as Func,
    params: () => [...example.args],
    expected: example.expected,
  };
}

/**
 * A setup of the same workload over an engine of its own made with `codegen: false`: its own
 * store, instance, arguments and expected results, for a contestant measuring the closures
 * that dynamic calls fall back on where `new Function` is refused (a page whose
 * Content-Security-Policy lacks `unsafe-eval`).
 *
 * @throws {Error} when the function's call plan is generated code all the same.
 */
export function closureSetup(setup: CallSetup): CallSetup {
  const closures = callSetup(
    setup.workload,
    new Store(new Engine({ codegen: false })),
    setup.bytes,
  );
  if (closures.func.plan().generated) {
    throw new Error(`${setup.workload.name}: an engine made with codegen: false generated code`);
  }
  return closures;
}
