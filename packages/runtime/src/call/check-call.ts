import {
  ArityMismatchError,
  type FuncType,
  StoreMismatchError,
  TypeMismatchError,
  typeName,
  Val,
  type ValType,
} from "@wasmcall/core-types";
import { Func } from "../func.js";
import type { Store } from "../store.js";
import { isForeignFuncref, isValFor } from "./arg-tests.js";

/**
 * Checks a dynamic call of `func` (whose type is `type`) in `store`, in Wasmtime's order: the
 * call is allowed (`func` is a `Func` of the store), then the arguments (an array, their
 * count, then each one's type and, for a funcref, that it holds a `Func` of the store), then
 * the room for results (an array of the right length that can take them: see
 * {@link checkResults}). Error messages name the function, the position, and the expected
 * and actual type.
 *
 * Each argument is read once: a call must check the values it then uses, so it passes the
 * array it read them into (see `ScratchLender`), not one that may change under it.
 *
 * @throws {StoreMismatchError} when `func` or a funcref argument belongs to another store.
 * @throws {ArityMismatchError} when `params` or `results` has the wrong length.
 * @throws {TypeMismatchError} when `func` is not a `Func`, `params` or `results` is not an
 * array, an argument has the wrong type, or `results` is frozen and holds a value that is not
 * a result cell.
 */
export function checkCall(
  store: Store,
  func: Func,
  type: FuncType,
  params: readonly unknown[],
  results: unknown,
): void {
  checkOwner(store, func);
  checkArgs(store, func, type, params);
  checkResults(func, type, results);
}

/**
 * Checks the arguments of a call of `func` (whose type is `type`) in `store`, as
 * {@link checkCall} does.
 *
 * @throws {ArityMismatchError} when `params` has the wrong length.
 * @throws {TypeMismatchError} when `params` is not an array or an argument has the wrong type.
 * @throws {StoreMismatchError} when a funcref argument belongs to another store.
 */
export function checkArgs(
  store: Store,
  func: Func,
  type: FuncType,
  params: readonly unknown[],
): void {
  if (!Array.isArray(params)) {
    throw new TypeMismatchError(`${func}: arguments`, "an array of Val", typeName(params));
  }
  const expected = type.params;
  const n = expected.length;
  if (params.length !== n) throw new ArityMismatchError(`${func}`, "arguments", n, params.length);
  for (let i = 0; i < n; i++) {
    const v = params[i];
    if (!isValFor(v, expected[i] as ValType)) {
      throw new TypeMismatchError(`${func}: argument ${i}`, expected[i] as string, typeName(v));
    }
    if (isForeignFuncref(store, v as Val)) {
      const ref = Val.refOf(v as Val);
      if (!Func.is(ref)) {
        throw new TypeMismatchError(`${func}: argument ${i}`, "a Func or null", typeName(ref));
      }
      throw new StoreMismatchError(`${func}: argument ${i}: the funcref belongs to another store`);
    }
  }
}

/**
 * Checks that `results` can take the results of a call of `func` (whose type is `type`)
 * before the call is made: an array of exactly that many elements, each a result cell
 * (`Val.cell`, written in place) or replaceable (the array is not frozen).
 *
 * @throws {TypeMismatchError} when `results` is not an array, or is frozen and holds a value
 * that is not a result cell.
 * @throws {ArityMismatchError} when `results` has the wrong length.
 */
export function checkResults(func: Func, type: FuncType, results: unknown): void {
  if (!Array.isArray(results)) {
    throw new TypeMismatchError(`${func}: results`, "an array", typeName(results));
  }
  const n = type.results.length;
  if (results.length !== n) throw new ArityMismatchError(`${func}`, "results", n, results.length);
  for (let i = 0; i < n; i++) {
    if (!Val.isResultCell(results[i]) && Object.isFrozen(results)) {
      throw new TypeMismatchError(
        `${func}: result ${i}`,
        "a result cell (Val.cell()) or an array that can be written",
        `a frozen array holding ${typeName(results[i])}`,
      );
    }
  }
}

/**
 * Checks that `func` is a `Func` of `store`.
 *
 * @throws {TypeMismatchError} when `func` is not a `Func` (an object with a `Func`'s fields
 * is not one).
 * @throws {StoreMismatchError} when it belongs to another store.
 */
export function checkOwner(store: Store, func: Func): void {
  if (!Func.is(func)) throw new TypeMismatchError("call", "a Func", typeName(func));
  if (func.store !== store) {
    throw new StoreMismatchError(`${func}: the function belongs to another store`);
  }
}
