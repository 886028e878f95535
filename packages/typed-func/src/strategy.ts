import type { CallStrategy } from "@wasmcall/core-types";
import { checkOwner, type Func, type Store } from "@wasmcall/runtime";
import { typedCaller } from "./typed-caller.js";

/**
 * The typed-func strategy behind the shared `CallStrategy` interface: `prepare` checks the
 * function's store and makes its `TypedFunc` once (from `func.ty()`); each call of the
 * `Caller` checks the `Val`s, passes them as JavaScript values to the typed call and makes
 * `Val`s of its results, taking the exact slot path wherever a NaN's bits or a v128 would
 * not survive JavaScript.
 *
 * @throws {StoreMismatchError} (from `prepare`) when `func` belongs to another store.
 *
 * @example
 * ```ts
 * const caller = strategy.prepare(store, add);
 * const out = [Val.i32(0)];
 * caller.call([Val.i32(40), Val.i32(2)], out); // out[0].i32() === 42
 * ```
 */
export const strategy: CallStrategy<Store, Func> = {
  name: "typed-func",
  summary: "TypedFunc made once per function; Vals converted to JS values for its direct call",
  prepare(store: Store, func: Func) {
    checkOwner(store, func);
    return typedCaller(store, func);
  },
};
