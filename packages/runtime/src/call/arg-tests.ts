import { isHeapSubtype, refParts, Val, type ValType } from "@wasmcall/core-types";
import { Func } from "../func.js";
import { refHierarchy } from "../ref-hierarchy.js";
import type { Store } from "../store.js";

/** Tells whether `value` is a `Val` (see `Val.is`) of type `type`. */
export function isValOf(value: unknown, type: ValType): boolean {
  return Val.typeOf(value) === type;
}

/**
 * Tells whether `value` (any value) is a `Val` that may stand where type `type` is expected: one
 * of that type, or of a reference type below it (WebAssembly 3.0's subtyping: an i31ref for an
 * anyref, a `(ref $sub)` for a `(ref null $super)`), null only where `type` admits null. A
 * value is never cast down: an anyref holding a struct is no structref (make one with
 * `Val.ref`, which tests it).
 */
export function isValFor(value: unknown, type: ValType): boolean {
  const own = Val.typeOf(value);
  if (own === type) return true;
  if (own === undefined) return false;
  const expected = refParts(type);
  const actual = refParts(own);
  if (expected === undefined || actual === undefined) return false;
  if (Val.refOf(value as Val) === null) {
    return expected.nullable && refHierarchy(own) === refHierarchy(type);
  }
  return isHeapSubtype(actual.heap, expected.heap);
}

/**
 * Tells whether `val` (a checked `Val`) is a function reference that `store` must refuse: one
 * holding anything but null or a `Func` of `store` (a function of another store, or an object
 * dressed up as a `Func`).
 */
export function isForeignFuncref(store: Store, val: Val): boolean {
  const type = Val.typeOf(val);
  if (type !== "funcref" && (type === undefined || refHierarchy(type) !== "func")) return false;
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
