import type { Caller, CallStrategy, Val } from "@wasmcall/core-types";
import { checkOwner, type Func, type Store } from "@wasmcall/runtime";
import { callWithStorage } from "./call-with-storage.js";
import { FuncStorage } from "./func-storage.js";

/**
 * The FuncStorage strategy: `prepare` makes the storage for the function's type once; every
 * call of the `Caller` goes through {@link callWithStorage} with it.
 */
export const strategy: CallStrategy<Store, Func> = {
  name: "funcstorage",
  summary: "FuncStorage made once per function type: type copy and preallocated buffers",
  prepare(store: Store, func: Func): Caller {
    checkOwner(store, func);
    const storage = new FuncStorage(store.engine, func.ty());
    return {
      type: func.ty(),
      call: (params: readonly Val[], results: Val[]) =>
        callWithStorage(store, func, storage, params, results),
    };
  },
};
