import { type Caller, Val, type ValType } from "@wasmcall/core-types";
import { type Func, type Global, jsOfVal, type Store, trapFromError } from "@wasmcall/runtime";
import type { Invoker } from "./invoker.js";

const f32 = new Float32Array(1);
const u32OfF32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64OfF64 = new BigUint64Array(f64.buffer);

/**
 * The reference column: calls exports with the plain WebAssembly JavaScript API
 * (`func.js(...args)`, i32 and f32/f64 as numbers, i64 as bigints, references as themselves)
 * and reads globals with `WebAssembly.Global.value`. Nothing is repaired: a v128 signature
 * throws the engine's TypeError, and NaN payloads change wherever the engine changes them, so
 * the figures show what exact calls add over the JS API.
 */
export const jsApi: Invoker = {
  name: "js-api",
  reference: true,
  prepare: (store, func) => jsApiCaller(store, func),
  readGlobal: (global: Global) => valOfJs(global.store, global.type.content, global.js.value),
};

function jsApiCaller(store: Store, func: Func): Caller {
  const type = func.ty();
  const call = func.js as (...args: unknown[]) => unknown;
  return {
    type,
    call(params: readonly Val[], results: Val[]): void {
      let value: unknown;
      try {
        value = call(...params.map(jsOfVal));
      } catch (error) {
        throw trapFromError(error);
      }
      const types = type.results;
      const values = types.length === 1 ? [value] : (value as unknown[] | undefined);
      types.forEach((t, i) => {
        results[i] = valOfJs(store, t, values?.[i]);
      });
    },
  };
}

/** The `Val` of a JS API result of type `type`: floats rounded through typed arrays. */
function valOfJs(store: Store, type: ValType, value: unknown): Val {
  switch (type) {
    case "i32":
      return Val.i32(value as number);
    case "i64":
      return Val.i64(value as bigint);
    case "f32":
      f32[0] = value as number;
      return Val.f32Bits(u32OfF32[0] as number);
    case "f64":
      f64[0] = value as number;
      return Val.f64Bits(u64OfF64[0] as bigint);
    case "funcref":
      return Val.funcref(value === null ? null : store.funcOf(value));
    case "externref":
      return Val.externref(value);
    default:
      throw new TypeError(`js-api: a ${type} value cannot cross the JS boundary`);
  }
}
