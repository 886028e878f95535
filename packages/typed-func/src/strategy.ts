import type { CallStrategy } from "@wasmcall/core-types";
import { checkOwner, type Func, type Store } from "@wasmcall/runtime";
import { typedCaller } from "./typed-caller.js";

/**
 * The typed-func strategy behind the shared `CallStrategy` interface: `prepare` checks the
 * function's store; each call of the `Caller` goes through the function's own checked call
 * over `Val`s (see `typedCaller`), exact for every value. The typed API itself
 * (`typed(func, params, results)`) is what this strategy offers beyond it: JavaScript values
 * in and out, no `Val` at all.
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
  summary:
    "TypedFunc: JS values straight to the export; its Caller: the function's generated checked call",
  prepare(store: Store, func: Func) {
    checkOwner(store, func);
    return typedCaller(store, func);
  },
};
