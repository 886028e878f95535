import { StoreMismatchError, TypeMismatchError, type Val } from "@wasmcall/core-types";
import type { Func, Store } from "@wasmcall/runtime";
import type { FuncStorage } from "./func-storage.js";

/**
 * Where results go: an array the results are written into (its length must equal the number
 * of results), or a function called once per result, in order.
 */
export type ResultSink = Val[] | ((value: Val, index: number) => void);

/**
 * Calls `func` through `storage` (made for `func`'s type in the store's engine). `params` is
 * any iterable of `Val`s (an array is read in place; another iterable is collected into the
 * storage's parameter buffer); results go to `results`.
 *
 * @throws {StoreMismatchError} when the storage was made for another engine, or `func` or a
 * funcref argument belongs to another store.
 * @throws {TypeMismatchError} when the storage was made for another function type, or an
 * argument has the wrong type.
 * @throws {ArityMismatchError} when `params` or a results array has the wrong length.
 * @throws {Trap} when the call traps. Whatever a host function throws passes unchanged.
 *
 * @example
 * ```ts
 * const storage = new FuncStorage(engine, add.ty());
 * callWithStorage(store, add, storage, [Val.i32(1), Val.i32(2)], (v) => console.log(v.i32()));
 * ```
 */
export function callWithStorage(
  store: Store,
  func: Func,
  storage: FuncStorage,
  params: Iterable<Val>,
  results: ResultSink,
): void {
  if (storage.engine !== store.engine) {
    throw new StoreMismatchError(`${func}: the FuncStorage was made for another engine`);
  }
  if (func.ty() !== storage.interned) {
    throw new TypeMismatchError(`${func}: FuncStorage`, storage.type.toWat(), func.ty().toWat());
  }
  const values = Array.isArray(params) ? (params as readonly Val[]) : collect(params, storage);
  const count = storage.type.results.length;
  if (typeof results === "function") {
    storage.plan.call(store, func, values, storage.results, storage.scratch);
    // A sink may call back into this storage: hand it a copy when it is called more than once.
    const out = count > 1 ? storage.results.slice() : storage.results;
    for (let i = 0; i < count; i++) results(out[i] as Val, i);
  } else {
    storage.plan.call(store, func, values, results, storage.scratch);
  }
}

function collect(params: Iterable<Val>, storage: FuncStorage): Val[] {
  const buffer = storage.params;
  buffer.length = 0;
  for (const p of params) buffer.push(p);
  return buffer;
}
