import type { Caller } from "@wasmcall/core-types";
import { type BoundCall, Func, type Store } from "@wasmcall/runtime";

/**
 * The {@link Caller} of `func` (a function of `store`): the `Val`s go through the function's
 * own checked dynamic call (`Func.callOf`), code generated for its signature that tests each
 * argument and the room for results, passes the values to the export directly, and writes the
 * results into the caller's cells, exactly (a float result through its bits, a v128 through the
 * store's slots). A `TypedFunc` takes JavaScript values; a `Caller` takes `Val`s, and the
 * generated call is the quickest way from a `Val` to the export: converting the `Val`s to
 * JavaScript values for the `TypedFunc` first would only add to it.
 *
 * @example
 * ```ts
 * const caller = typedCaller(store, add);
 * const out = [Val.cell()];
 * caller.call([Val.i32(1), Val.i32(2)], out); // out[0].i32() === 3
 * ```
 */
export function typedCaller(store: Store, func: Func): Caller {
  const call = Func.callOf(func) as BoundCall;
  return {
    type: func.ty(),
    call(params, results) {
      call(store, params, results, store);
    },
  };
}
