import type { FuncType, ValType } from "@wasmcall/core-types";
import { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";
import { MAX_FUNC_VALUES } from "../signature-limits.js";

/** Opcodes only the host adapter uses (the shared table holds the common ones). */
/**
 * Whether host functions of `type` can be called through a {@link hostAdapter} instead of the
 * slot trampoline: no v128 anywhere (no JavaScript value holds one), at most one result
 * (several would come back as an iterable the engine walks, slower than the slots), and no
 * more parameters, f64 ones counted twice, than the engines allow a function type.
 */
export function hasHostAdapter(type: FuncType): boolean {
  return (
    type.results.length <= 1 &&
    !type.params.includes("v128") &&
    !type.results.includes("v128") &&
    type.params.flatMap(adaptedTypes).length <= MAX_FUNC_VALUES
  );
}

/**
 * The wasm types in which a value of `type` crosses to JavaScript in a {@link hostAdapter}: an
 * f32 as the i32 of its bits, an f64 as the i32s of its low and high words, anything else as
 * itself (the JS API passes i32, i64, externref and funcref exactly).
 */
export function adaptedTypes(type: ValType): readonly ValType[] {
  if (type === "f32") return ["i32"];
  if (type === "f64") return ["i32", "i32"];
  return [type];
}

/** Whether a value of `type` crosses differently (see {@link adaptedTypes}): an f32 or f64. */
function needsConversion(type: FuncType): boolean {
  return [...type.params, ...type.results].some((t) => t === "f32" || t === "f64");
}

/**
 * The host adapter for host functions of `type` (see {@link hasHostAdapter}): a module
 * importing a JavaScript function as `env.host` and exporting `func` of `type`, which calls it
 * with the parameters in the types of {@link adaptedTypes} (float bits, never a float) and
 * turns its result back: an f32 result comes as the i32 of its bits, an f64 result as the i32
 * of its low word with its high word left at byte 0 of the store's scratch memory (imported as
 * `env.slots`, only then). So every NaN payload crosses exactly both ways, and nothing but an
 * f64 result's high word passes through memory. A type without f32 or f64 needs no conversion:
 * `func` is then the imported function itself, re-exported.
 *
 * Each host function is one instance of it, kept by the host function alone.
 */
export function hostAdapter(type: FuncType): Uint8Array {
  const b = new ModuleBuilder();
  const result = type.results[0];
  const hostParams = type.params.flatMap(adaptedTypes);
  const hostResults = result === undefined ? [] : [adaptedTypes(result)[0] as ValType];
  const converts = needsConversion(type);
  const host = b.importFunc(
    "env",
    "host",
    converts ? b.type(hostParams, hostResults) : b.funcType(type),
  );
  if (!converts) {
    // Nothing to convert: the import itself, as `reexportTrampoline` makes it.
    b.export("func", "func", host);
    return b.finish();
  }
  if (result === "f64") b.importMemory("env", "slots", 1);
  const n = type.params.length;
  // One i64 local, the bits of each f64 parameter in turn, when there is one.
  const bits = n;
  const locals: ValType[] = type.params.includes("f64") ? ["i64"] : [];
  const func = b.func(b.funcType(type), locals, (w) => {
    type.params.forEach((t, i) => {
      w.byte(OP.localGet).u32(i);
      if (t === "f32") w.byte(OP.i32ReinterpretF32);
      else if (t === "f64") {
        // lo = wrap(bits), hi = wrap(bits >> 32)
        w.byte(OP.i64ReinterpretF64).byte(OP.localTee).u32(bits).byte(OP.i32WrapI64);
        w.byte(OP.localGet).u32(bits).byte(OP.i64Const).s64(32n).byte(OP.i64ShrU);
        w.byte(OP.i32WrapI64);
      }
    });
    w.byte(OP.call).u32(host);
    if (result === "f32") w.byte(OP.f32ReinterpretI32);
    else if (result === "f64") {
      // reinterpret(extend_u(lo) | (load32_u(0) << 32))
      w.byte(OP.i64ExtendI32U);
      w.byte(OP.i32Const).s32(0).byte(OP.i64Load32U).u32(2).u32(0);
      w.byte(OP.i64Const).s64(32n).byte(OP.i64Shl).byte(OP.i64Or);
      w.byte(OP.f64ReinterpretI64);
    }
  });
  b.export("func", "func", func);
  return b.finish();
}
