import { Engine, type Extern, type Func, Instance, Module, Store } from "@wasmcall/runtime";

/** A fresh store of a fresh engine. */
export function newStore(): Store {
  return new Store(new Engine());
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
