import type { FuncType } from "@wasmcall/core-types";
import { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";

/**
 * Whether functions of `type` get a {@link bitsWrapper}: one f32 or f64 result and no v128
 * parameter (the JS API passes every other parameter exactly, floats unless they are NaNs).
 */
export function hasBitsWrapper(type: FuncType): boolean {
  const result = type.results[0];
  return (
    type.results.length === 1 &&
    (result === "f32" || result === "f64") &&
    !type.params.includes("v128")
  );
}

/**
 * The float-result wrapper for a function of `type` (see {@link hasBitsWrapper}): a module
 * importing the function as `env.callee` and the store's scratch memory as `env.slots`,
 * exporting `call`, which takes the function's own parameters (straight from JavaScript) and
 * returns its float result as bits: an f32 as the i32 of its bits, an f64 as the i32 of its low
 * word, its high word stored at byte 0 of the scratch memory. So the result's bits reach
 * JavaScript exactly (a NaN's payload too) with no slot written for the arguments.
 *
 * Each function gets its own instance, made on its first dynamic call and kept by the
 * function's call alone: the store holds nothing of it.
 */
export function bitsWrapper(type: FuncType): Uint8Array {
  const b = new ModuleBuilder();
  const callee = b.importFunc("env", "callee", b.type(type.params, type.results));
  b.importMemory("env", "slots", 1);
  const f64 = type.results[0] === "f64";
  const n = type.params.length;
  const call = b.func(b.type(type.params, ["i32"]), f64 ? ["i64"] : [], (w) => {
    for (let i = 0; i < n; i++) w.byte(OP.localGet).u32(i);
    w.byte(OP.call).u32(callee);
    if (!f64) {
      w.byte(OP.i32ReinterpretF32);
      return;
    }
    // bits = reinterpret(result); memory[0] = bits >> 32; return wrap(bits)
    w.byte(OP.i64ReinterpretF64).byte(OP.localSet).u32(n);
    w.byte(OP.i32Const).s32(0).byte(OP.localGet).u32(n);
    w.byte(OP.i64Const).s64(32n).byte(OP.i64ShrU).byte(OP.i32WrapI64);
    w.byte(OP.i32Store).u32(2).u32(0);
    w.byte(OP.localGet).u32(n).byte(OP.i32WrapI64);
  });
  b.export("call", "func", call);
  return b.finish();
}
