import { Val, type ValType } from "@wasmcall/core-types";
import { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";

const f32Bits = new Uint32Array(1);
const f64Words = new Uint32Array(2);

/**
 * A module defining one global of a number or vector type whose initial value is exactly
 * `value` (NaN payloads and v128 included), exported as `global`. Reference globals are made
 * through the JavaScript API instead, which passes references exactly.
 */
export function globalConstant(value: Val, mutable: boolean): Uint8Array {
  const b = new ModuleBuilder();
  const type = Val.typeOf(value) as ValType;
  const global = b.global(type, mutable, (w) => {
    switch (type) {
      case "i32":
        w.byte(OP.i32Const).s32(Val.loOf(value));
        break;
      case "i64":
        w.byte(OP.i64Const).s64(Val.refOf(value) as bigint);
        break;
      case "f32":
        f32Bits[0] = Val.loOf(value);
        w.byte(OP.f32Const).bytes(new Uint8Array(f32Bits.buffer));
        break;
      case "f64":
        f64Words[0] = Val.loOf(value);
        f64Words[1] = Val.hiOf(value);
        w.byte(OP.f64Const).bytes(new Uint8Array(f64Words.buffer));
        break;
      case "v128":
        w.byte(OP.simdPrefix).u32(0x0c).bytes(value.v128().bytes());
        break;
      default:
        throw new Error(`globalConstant: ${type} is not a number or vector type`);
    }
  });
  b.export("global", "global", global);
  return b.finish();
}
