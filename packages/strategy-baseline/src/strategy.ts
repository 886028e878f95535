import { type Caller, type CallStrategy, Val } from "@wasmcall/core-types";
import { checkOwner, type Func, type Store } from "@wasmcall/runtime";
import { callExpecting } from "./call.js";

/**
 * The baseline strategy: every call of its `Caller` is a baseline `call`, whose fresh results
 * are then copied into the caller's array (into its result cells in place).
 */
export const strategy: CallStrategy<Store, Func> = {
  name: "baseline",
  summary: "per call: type fetched from the registry and copied, fresh slot buffer, fresh results",
  prepare(store: Store, func: Func): Caller {
    checkOwner(store, func);
    return {
      type: func.ty(),
      call(params: readonly Val[], results: Val[]): void {
        const fresh = callExpecting(store, func, params, results);
        fresh.forEach((v, i) => {
          Val.put(results, i, v.type, Val.loOf(v), Val.hiOf(v), Val.refOf(v));
        });
      },
    };
  },
};
