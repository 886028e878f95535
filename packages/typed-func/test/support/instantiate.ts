import { type Extern, Instance, Module, type Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";

/** Assembles `text` (a module in the text format) and instantiates it in `store`. */
export async function instantiate(
  store: Store,
  text: string,
  imports: readonly Extern[] = [],
): Promise<Instance> {
  return new Instance(store, new Module(store.engine, await wat(text)), imports);
}
