import { Val, type ValType } from "@wasmcall/core-types";
import { Func } from "../func.js";
import type { Store } from "../store.js";

/** Tells whether `value` is a `Val` (see `Val.is`) of type `type`. */
export function isValOf(value: unknown, type: ValType): boolean {
  return Val.typeOf(value) === type;
}

/**
 * Tells whether `val` (a checked `Val`) is a funcref that `store` must refuse: one holding
 * anything but null or a `Func` of `store` (a function of another store, or an object dressed
 * up as a `Func`).
 */
export function isForeignFuncref(store: Store, val: Val): boolean {
  if (Val.typeOf(val) !== "funcref") return false;
  const ref = Val.refOf(val);
  return ref !== null && Func.storeOf(ref) !== store;
}

/**
 * Tells whether `results` can take a call's `count` results before the call is made: an array
 * of that length whose elements are result cells (written in place) or which can be written
 * (not frozen).
 */
export function resultsFit(results: unknown, count: number): boolean {
  if (!Array.isArray(results) || results.length !== count) return false;
  if (count === 1) return Val.isResultCell(results[0]) || !Object.isFrozen(results);
  for (let i = 0; i < count; i++) {
    if (!Val.isResultCell(results[i])) return !Object.isFrozen(results);
  }
  return true;
}
