import type { Caller, CallStrategy, Val } from "@wasmcall/core-types";
import { type BoundCall, checkOwner, Func, type Store } from "@wasmcall/runtime";

/**
 * The store-amortized strategy: each `Func` carries its type, the store lends one reusable
 * buffer to every call, results go into the caller's array. Its `Caller` calls the function's
 * own call (`Func.callOf`), as `call` does.
 */
export const strategy: CallStrategy<Store, Func> = {
  name: "store-amortized",
  summary:
    "Func carries its type; the store lends one reusable buffer; results into the caller's array",
  prepare(store: Store, func: Func): Caller {
    checkOwner(store, func);
    const bound = Func.callOf(func) as BoundCall;
    return {
      type: func.ty(),
      call: (params: readonly Val[], results: Val[]) => bound(store, params, results, store),
    };
  },
};
