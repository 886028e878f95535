import { type V128, Val, type ValType } from "@wasmcall/core-types";
import { Func, type Store } from "@wasmcall/runtime";

/**
 * The `Val`s of what a JavaScript call of a wasm function of result types `types` returned
 * (nothing, one value, or an array of several): as the WebAssembly JS API converts them, or as
 * typed-func does (a funcref as its `Func`, a v128 as a `V128`). For checking the raw and
 * typed contestants' results against a workload's expected `Val`s.
 *
 * @throws {ValueRangeError} when a value does not fit its type (a wrong result).
 */
export function valsOfJs(store: Store, types: readonly ValType[], value: unknown): Val[] {
  if (types.length === 0) return [];
  if (types.length === 1) return [valOfJs(store, types[0] as ValType, value)];
  const values = value as readonly unknown[];
  return types.map((t, i) => valOfJs(store, t, values[i]));
}

/** The `Val` of type `type` of `value`, one result of a JavaScript call (see `valsOfJs`). */
function valOfJs(store: Store, type: ValType, value: unknown): Val {
  switch (type) {
    case "i32":
      return Val.i32(value as number);
    case "i64":
      return Val.i64(value as bigint);
    case "f32":
      return Val.f32(value as number);
    case "f64":
      return Val.f64(value as number);
    case "externref":
      return Val.externref(value);
    case "funcref":
      return Val.funcref(value === null || value instanceof Func ? value : store.funcOf(value));
    case "v128":
      return Val.v128(value as V128);
    default:
      return Val.ref(type, value);
  }
}
