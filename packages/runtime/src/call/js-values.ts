import { Val, type ValType } from "@wasmcall/core-types";
import type { Func } from "../func.js";
import { refHierarchy } from "../ref-hierarchy.js";
import type { Store } from "../store.js";

const f32 = new Float32Array(1);
const u32OfF32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u32OfF64 = new Uint32Array(f64.buffer);

/**
 * The JavaScript value that passes `val` (a checked `Val`: see `Val.is`) exactly to a wasm
 * export through the engine's own conversion: i32 as a number, i64 as a bigint, f32/f64 as a
 * number (exact unless NaN: see {@link isNaNVal}), a function reference (of any type) as the
 * wasm function object, any other reference as itself. Not for v128 nor exception references.
 */
export function jsOfVal(val: Val): unknown {
  return jsOfValOfType(val, Val.typeOf(val) as ValType);
}

/**
 * {@link jsOfVal} of `val`, a `Val` already checked to be of type `type`: what a call uses
 * after its argument test, so that the brand is not tested twice.
 */
export function jsOfValOfType(val: Val, type: ValType): unknown {
  switch (type) {
    case "i32":
      return Val.loOf(val);
    case "f32":
      u32OfF32[0] = Val.loOf(val);
      return f32[0];
    case "f64":
      u32OfF64[0] = Val.loOf(val);
      u32OfF64[1] = Val.hiOf(val);
      return f64[0];
    case "funcref": {
      const func = Val.refOf(val) as Func | null;
      return func === null ? null : func.js;
    }
    case "i64":
    case "externref":
      return Val.refOf(val);
    default: {
      const ref = Val.refOf(val);
      return ref !== null && refHierarchy(type) === "func" ? (ref as Func).js : ref;
    }
  }
}

/**
 * Tells whether `val` (a checked `Val`) is an f32 or f64 NaN, whose bits a JavaScript number
 * may not keep.
 */
export function isNaNVal(val: Val): boolean {
  return isNaNOfType(val, Val.typeOf(val) as ValType);
}

/** {@link isNaNVal} of `val`, a `Val` already checked to be of type `type`. */
export function isNaNOfType(val: Val, type: ValType): boolean {
  if (type === "f32") {
    const lo = Val.loOf(val);
    return (lo & 0x7f800000) === 0x7f800000 && (lo & 0x7fffff) !== 0;
  }
  if (type === "f64") {
    const hi = Val.hiOf(val);
    return (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) !== 0 || Val.loOf(val) !== 0);
  }
  return false;
}

/**
 * Writes a result of `type` that a wasm export returned to JavaScript into `target[index]`
 * (into the cell there, if it is one): i32, i64 or a reference (not an exception reference),
 * the types whose results JavaScript receives exactly.
 */
export function putJsResult(
  store: Store,
  target: Val[],
  index: number,
  type: ValType,
  value: unknown,
): void {
  if (type === "i32") Val.put(target, index, type, value as number, 0, null);
  else if (type === "funcref" || (value !== null && refHierarchy(type) === "func")) {
    Val.put(target, index, type, 0, 0, value === null ? null : store.funcOf(value));
  } else Val.put(target, index, type, 0, 0, value);
}
