import { Val, type ValType } from "@wasmcall/core-types";
import type { Store } from "../store.js";

const f32 = new Float32Array(1);
const u32OfF32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u32OfF64 = new Uint32Array(f64.buffer);

/**
 * The JavaScript value that passes `val` exactly to a wasm export through the engine's own
 * conversion: i32 as a number, i64 as a bigint, f32/f64 as a number (exact unless NaN: see
 * {@link isNaNVal}), externref as itself, funcref as the wasm function object. Not for v128.
 */
export function jsOfVal(val: Val): unknown {
  switch (val.type) {
    case "i32":
      return val.lo;
    case "f32":
      u32OfF32[0] = val.lo;
      return f32[0];
    case "f64":
      u32OfF64[0] = val.lo;
      u32OfF64[1] = val.hi;
      return f64[0];
    case "funcref":
      return val.ref === null ? null : (val.ref as { js: unknown }).js;
    default:
      return val.ref;
  }
}

/** Tells whether `val` is an f32 or f64 NaN, whose bits a JavaScript number may not keep. */
export function isNaNVal(val: Val): boolean {
  if (val.type === "f32") return (val.lo & 0x7f800000) === 0x7f800000 && (val.lo & 0x7fffff) !== 0;
  if (val.type === "f64") {
    return (val.hi & 0x7ff00000) === 0x7ff00000 && ((val.hi & 0xfffff) !== 0 || val.lo !== 0);
  }
  return false;
}

/**
 * Writes a result of `type` that a wasm export returned to JavaScript into `target[index]`
 * (into the cell there, if it is one): i32, i64, externref or funcref, the types whose results
 * JavaScript receives exactly.
 */
export function putJsResult(
  store: Store,
  target: Val[],
  index: number,
  type: ValType,
  value: unknown,
): void {
  if (type === "i32") Val.put(target, index, type, value as number, 0, null);
  else if (type === "funcref") {
    Val.put(target, index, type, 0, 0, value === null ? null : store.funcOf(value));
  } else Val.put(target, index, type, 0, 0, value);
}
