import type { FuncType } from "@wasmcall/core-types";
import { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";
import { MAX_FUNC_VALUES } from "../signature-limits.js";
import { adaptedTypes } from "./host-adapter.js";

/**
 * Whether functions of `type` get a {@link bitsWrapper}: one f32 or f64 result, no v128
 * parameter (the JS API passes every other parameter exactly, floats as their bits), and no
 * more parameters, f64 ones counted twice, than the engines allow a function type.
 */
export function hasBitsWrapper(type: FuncType): boolean {
  const result = type.results[0];
  return (
    type.results.length === 1 &&
    (result === "f32" || result === "f64") &&
    !type.params.includes("v128") &&
    type.params.flatMap(adaptedTypes).length <= MAX_FUNC_VALUES
  );
}

/**
 * The float-result wrapper for a function of `type` (see {@link hasBitsWrapper}): a module
 * importing the function as `env.callee` and the store's scratch memory as `env.slots`,
 * exporting `call`, which takes the function's parameters straight from JavaScript, floats as
 * their bits (an f32 as the i32 of its bits, an f64 as the i32s of its low and high words, the
 * types of `adaptedTypes`), and returns its float result as bits: an f32 as the i32 of its
 * bits, an f64 as the i32 of its low word, its high word stored at byte 0 of the scratch
 * memory. So every float reaches the function and JavaScript exactly (NaN payloads too) with
 * no slot written for the arguments.
 *
 * Each function gets its own instance, made on its first dynamic call and kept by the
 * function's call alone: the store holds nothing of it.
 */
export function bitsWrapper(type: FuncType): Uint8Array {
  const b = new ModuleBuilder();
  const callee = b.importFunc("env", "callee", b.funcType(type));
  b.importMemory("env", "slots", 1);
  const f64 = type.results[0] === "f64";
  const params = type.params.flatMap(adaptedTypes);
  // One i64 local after the parameters, for an f64 result's bits.
  const bits = params.length;
  const call = b.func(b.type(params, ["i32"]), f64 ? ["i64"] : [], (w) => {
    let k = 0;
    for (const t of type.params) {
      w.byte(OP.localGet).u32(k++);
      if (t === "f32") w.byte(OP.f32ReinterpretI32);
      else if (t === "f64") {
        // reinterpret(extend_u(lo) | (extend_u(hi) << 32))
        w.byte(OP.i64ExtendI32U).byte(OP.localGet).u32(k++).byte(OP.i64ExtendI32U);
        w.byte(OP.i64Const).s64(32n).byte(OP.i64Shl).byte(OP.i64Or);
        w.byte(OP.f64ReinterpretI64);
      }
    }
    w.byte(OP.call).u32(callee);
    if (!f64) {
      w.byte(OP.i32ReinterpretF32);
      return;
    }
    // bits = reinterpret(result); memory[0] = bits >> 32; return wrap(bits)
    w.byte(OP.i64ReinterpretF64).byte(OP.localSet).u32(bits);
    w.byte(OP.i32Const).s32(0).byte(OP.localGet).u32(bits);
    w.byte(OP.i64Const).s64(32n).byte(OP.i64ShrU).byte(OP.i32WrapI64);
    w.byte(OP.i32Store).u32(2).u32(0);
    w.byte(OP.localGet).u32(bits).byte(OP.i32WrapI64);
  });
  b.export("call", "func", call);
  return b.finish();
}
