import { ArityMismatchError, type Caller, type CallStrategy, type Val } from "@wasmcall/core-types";
import { checkOwner, type Func, type Store } from "@wasmcall/runtime";
import { call } from "./call.js";

/**
 * The baseline strategy: every call of its `Caller` is a {@link call}, whose fresh results are
 * then copied into the caller's array.
 */
export const strategy: CallStrategy<Store, Func> = {
  name: "baseline",
  summary: "per call: type fetched from the registry and copied, fresh slot buffer, fresh results",
  prepare(store: Store, func: Func): Caller {
    checkOwner(store, func);
    return {
      type: func.ty(),
      call(params: readonly Val[], results: Val[]): void {
        const expected = func.ty().results.length;
        if (results.length !== expected) {
          throw new ArityMismatchError(`${func}`, "results", expected, results.length);
        }
        const fresh = call(store, func, params);
        for (let i = 0; i < fresh.length; i++) results[i] = fresh[i] as Val;
      },
    };
  },
};
