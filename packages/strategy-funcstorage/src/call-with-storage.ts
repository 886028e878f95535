import { StoreMismatchError, TypeMismatchError, typeName, type Val } from "@wasmcall/core-types";
import { type BoundCall, checkOwner, Func, type Store } from "@wasmcall/runtime";
import { FuncStorage } from "./func-storage.js";

/**
 * Where results go: an array the results are written into (its length must equal the number
 * of results), or a function called once per result, in order.
 */
export type ResultSink = Val[] | ((value: Val, index: number) => void);

/**
 * Calls `func` through `storage` (made for `func`'s type in the store's engine). `params` is
 * any iterable of `Val`s (an array is read in place; another iterable is collected into the
 * storage's parameter buffer, or a fresh one when a call is using it already); results go to
 * `results`.
 *
 * @throws {TypeMismatchError} when `func` is not a `Func`, `storage` not a `FuncStorage`, the
 * storage was made for another function type, `params` is not iterable, `results` neither an
 * array nor a function, or an argument has the wrong type.
 * @throws {StoreMismatchError} when `func` or a funcref argument belongs to another store, or
 * the storage was made for another engine.
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
  // Types are interned per engine: equal types mean the storage and the function share an
  // engine. `Func.callOf` tests that `func` is a `Func` of the storage's type and gives its own
  // call, which checks the store (and so the store's engine); anything else that does not fit
  // is reported by `refuse`.
  const type = FuncStorage.typeOf(storage);
  const call = type === undefined ? undefined : Func.callOf(func, type);
  if (call === undefined) refuse(store, func, storage);
  if (Array.isArray(params) && typeof results !== "function") {
    (call as BoundCall)(store, params, results, storage);
  } else {
    callWithOthers(store, func, storage, params, results);
  }
}

/** {@link callWithStorage} with `params` not an array, or `results` a sink. */
function callWithOthers(
  store: Store,
  func: Func,
  storage: FuncStorage,
  params: Iterable<Val>,
  results: ResultSink,
): void {
  if (Array.isArray(params)) {
    deliver(store, func, storage, params, results);
    return;
  }
  if (params == null || typeof (params as Iterable<Val>)[Symbol.iterator] !== "function") {
    throw new TypeMismatchError(`${func}: arguments`, "an iterable of Val", typeName(params));
  }
  const values = storage.collectParams(params);
  try {
    deliver(store, func, storage, values, results);
  } finally {
    storage.returnParams(values);
  }
}

/**
 * Throws the error for a call of `func` in `store` through `storage` that does not fit, in
 * Wasmtime's order: the function (a `Func` of the store), then the storage (a `FuncStorage` of
 * the store's engine, for the function's type).
 */
function refuse(store: Store, func: Func, storage: FuncStorage): never {
  checkOwner(store, func);
  if (!FuncStorage.is(storage)) {
    throw new TypeMismatchError(`${func}: callWithStorage`, "a FuncStorage", typeName(storage));
  }
  if (storage.engine !== store.engine) {
    throw new StoreMismatchError(`${func}: the FuncStorage was made for another engine`);
  }
  throw new TypeMismatchError(`${func}: FuncStorage`, storage.type.toWat(), func.ty().toWat());
}

/** The call with its parameters in an array, results going to `results`. */
function deliver(
  store: Store,
  func: Func,
  storage: FuncStorage,
  values: readonly Val[],
  results: ResultSink,
): void {
  if (typeof results !== "function") {
    (Func.callOf(func) as BoundCall)(store, values, results, storage);
    return;
  }
  const count = storage.type.results.length;
  (Func.callOf(func) as BoundCall)(store, values, storage.results, storage);
  // A sink may call back into this storage: hand it a copy when it is called more than once.
  const out = count > 1 ? storage.results.slice() : storage.results;
  for (let i = 0; i < count; i++) results(out[i] as Val, i);
}
