import {
  ArityMismatchError,
  type FuncType,
  StoreMismatchError,
  TypeMismatchError,
  typeName,
  Val,
} from "@wasmcall/core-types";
import type { Func } from "../func.js";
import type { Store } from "../store.js";

/**
 * Checks a dynamic call of `func` (whose type is `type`) in `store`, in Wasmtime's order: the call is allowed (the
 * function belongs to the store), then the arguments (their count, then each one's type and,
 * for a funcref, its store), then the room for results. Error messages name the function,
 * the position, and the expected and actual type.
 *
 * @throws {StoreMismatchError} when `func` or a funcref argument belongs to another store.
 * @throws {ArityMismatchError} when `params` or `results` has the wrong length.
 * @throws {TypeMismatchError} when an argument has the wrong type.
 */
export function checkCall(
  store: Store,
  func: Func,
  type: FuncType,
  params: readonly Val[],
  resultCount: number,
): void {
  checkOwner(store, func);
  const expected = type.params;
  const n = expected.length;
  if (params.length !== n) throw new ArityMismatchError(`${func}`, "arguments", n, params.length);
  for (let i = 0; i < n; i++) {
    const v = params[i];
    if (!(v instanceof Val) || v.type !== expected[i]) {
      throw new TypeMismatchError(`${func}: argument ${i}`, expected[i] as string, typeName(v));
    }
    if (v.type === "funcref" && v.ref !== null && (v.ref as Func).store !== store) {
      throw new StoreMismatchError(`${func}: argument ${i}: the funcref belongs to another store`);
    }
  }
  if (resultCount !== type.results.length) {
    throw new ArityMismatchError(`${func}`, "results", type.results.length, resultCount);
  }
}

/**
 * Checks that `func` belongs to `store`.
 *
 * @throws {StoreMismatchError} when it belongs to another store.
 */
export function checkOwner(store: Store, func: Func): void {
  if (func.store !== store) {
    throw new StoreMismatchError(`${func}: the function belongs to another store`);
  }
}
