import type { Val } from "@wasmcall/core-types";
import { type BoundCall, checkOwner, Func, type Store } from "@wasmcall/runtime";

/**
 * Calls `func` with `params`, writing its results into `results` (the caller's array, whose
 * length must equal the number of results). The function carries its own call, its plan bound
 * to it (`Func.callOf`), so no registry look-up happens; the store lends its one reusable scratch buffer to a call
 * that needs one (more than four arguments) and takes it back after, so a call made while it
 * is lent (from a host function at any depth, or a getter or `Proxy` over the arguments) gets
 * a buffer of its own and never clobbers the outer call's.
 *
 * @throws {StoreMismatchError} when `func` or a funcref argument belongs to another store.
 * @throws {ArityMismatchError} when `params` or `results` has the wrong length.
 * @throws {TypeMismatchError} when `func` is not a `Func`, `params` or `results` is not an
 * array, an argument has the wrong type, or `results` is frozen and holds a value that is not
 * a result cell.
 * @throws {Trap} when the call traps. Whatever a host function throws passes unchanged.
 *
 * @example
 * ```ts
 * const results = [Val.i32(0)];
 * call(store, add, [Val.i32(1), Val.i32(2)], results);
 * results[0].i32(); // 3
 * ```
 */
export function call(store: Store, func: Func, params: readonly Val[], results: Val[]): void {
  const bound = Func.callOf(func);
  if (bound === undefined) checkOwner(store, func);
  (bound as BoundCall)(store, params, results, store);
}
