import type { Caller, CallStrategy } from "@wasmcall/core-types";
import { Engine, type Extern, type Func, Instance, Module, Store } from "@wasmcall/runtime";

/**
 * Whether the tests' engines generate calls per signature: off when `WASMCALL_CODEGEN` is
 * `off` (the closures a host that refuses `new Function` gets).
 */
const CODEGEN =
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    ?.WASMCALL_CODEGEN !== "off";

/** A fresh store of a fresh engine. */
export function newStore(): Store {
  return new Store(new Engine({ codegen: CODEGEN }));
}

/** Instantiates the module `bytes` in `store`, with `imports` in the module's import order. */
export function instantiate(
  store: Store,
  bytes: Uint8Array,
  imports: readonly Extern[] = [],
): Instance {
  return new Instance(store, new Module(store.engine, bytes), imports);
}

/** The exported function `name` of `instance`; throws when there is none. */
export function exportedFunc(instance: Instance, name: string): Func {
  const func = instance.getFunc(name);
  if (func === undefined) throw new Error(`no exported function ${name}`);
  return func;
}

/** A module instantiated in a fresh store, and Callers of its exports through one strategy. */
export interface StrategyFixture {
  /** The store the module lives in. */
  readonly store: Store;
  /** The module's instance. */
  readonly instance: Instance;
  /** A Caller of the exported function `name`, prepared by the strategy. */
  readonly caller: (name: string) => Caller;
}

/** Instantiates `bytes` in a fresh store and prepares Callers of its exports with `strategy`. */
export function strategyFixture(
  strategy: CallStrategy<Store, Func>,
  bytes: Uint8Array,
): StrategyFixture {
  const store = newStore();
  const instance = instantiate(store, bytes);
  return {
    store,
    instance,
    caller: (name) => strategy.prepare(store, exportedFunc(instance, name)),
  };
}
