import type { Caller, CallStrategy, Val } from "@wasmcall/core-types";
import { checkOwner, type Func, type Store } from "@wasmcall/runtime";
import { call } from "./call.js";

/**
 * The store-amortized strategy: each `Func` carries its type, the store lends one reusable
 * buffer to every call, results go into the caller's array. Its `Caller` is {@link call}
 * bound to one function.
 */
export const strategy: CallStrategy<Store, Func> = {
  name: "store-amortized",
  summary:
    "Func carries its type; the store lends one reusable buffer; results into the caller's array",
  prepare(store: Store, func: Func): Caller {
    checkOwner(store, func);
    return {
      type: func.ty(),
      call: (params: readonly Val[], results: Val[]) => call(store, func, params, results),
    };
  },
};
