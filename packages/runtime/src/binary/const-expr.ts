import type { DefinedType } from "@wasmcall/core-types";
import type { EnabledFeatures } from "../features.js";
import type { ByteReader } from "./byte-reader.js";
import { featureRefusal } from "./feature-error.js";
import { readHeapType, readIndexOf, typeSpaceOf } from "./read-types.js";

/** What the constant expressions of a module are checked against. */
export interface ConstContext {
  /** The features the engine's user allows. */
  readonly features: EnabledFeatures;
  /** The number of imported globals: the only globals WebAssembly 2.0 lets them read. */
  readonly importedGlobals: number;
  /** The module's defined types (what `ref.null` and the GC instructions name). */
  readonly types: readonly DefinedType[];
}

/** The arithmetic that extended constant expressions allow: i32 and i64 add, sub, mul. */
const EXTENDED_CONST_OPS = new Set([0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e]);

/**
 * The garbage collection instructions (after the 0xfb prefix) allowed in constant expressions
 * by WebAssembly 3.0, with how many type indices and counts follow them: `struct.new`,
 * `struct.new_default`, `array.new`, `array.new_default` (a type), `array.new_fixed` (a type
 * and a count), `any.convert_extern`, `extern.convert_any`, `ref.i31` (nothing).
 */
const GC_CONST_OPS: ReadonlyMap<number, { type: boolean; count: boolean }> = new Map([
  [0x00, { type: true, count: false }],
  [0x01, { type: true, count: false }],
  [0x06, { type: true, count: false }],
  [0x07, { type: true, count: false }],
  [0x08, { type: true, count: true }],
  [0x1a, { type: false, count: false }],
  [0x1b, { type: false, count: false }],
  [0x1c, { type: false, count: false }],
]);

/**
 * Reads a constant expression: its instructions up to and including the `end` (0x0b) that
 * closes it, skipping their immediates. Types are not checked (the engine does that).
 *
 * @throws {CompileError} for an instruction that has no place in a constant expression, for
 * arithmetic when extended constant expressions are off ("constant expression required"), and
 * for `global.get` of a global that is not imported when `anyGlobalInConstExpr` is off
 * ("unknown global").
 */
export function readConstExpr(r: ByteReader, context: ConstContext): void {
  const { features } = context;
  for (;;) {
    const at = r.position;
    const op = r.u8();
    switch (op) {
      case 0x0b: // end
        return;
      case 0x41: // i32.const
        r.s32();
        break;
      case 0x42: // i64.const
        r.s64();
        break;
      case 0x43: // f32.const
        r.skip(4);
        break;
      case 0x44: // f64.const
        r.skip(8);
        break;
      case 0x23: {
        // global.get
        const index = r.u32();
        if (!features.anyGlobalInConstExpr && index >= context.importedGlobals) {
          throw featureRefusal(
            r.invalid(`unknown global ${index} (only imported globals are allowed)`, at),
          );
        }
        break;
      }
      case 0xd2: // ref.func
        r.u32();
        break;
      case 0xd0: // ref.null
        readHeapType(r, typeSpaceOf(r, context.types));
        break;
      case 0xfb: {
        const sub = r.u32();
        const immediates = GC_CONST_OPS.get(sub);
        if (immediates === undefined) {
          throw r.error(`unsupported instruction 0xfb ${sub} in a constant`, at);
        }
        if (immediates.type) readIndexOf(r, context.types, "type");
        if (immediates.count) r.u32();
        break;
      }
      case 0xfd: {
        const sub = r.u32();
        if (sub !== 12) throw r.error(`unsupported instruction 0xfd ${sub} in a constant`, at);
        r.skip(16); // v128.const
        break;
      }
      default:
        if (!EXTENDED_CONST_OPS.has(op)) {
          throw r.error(`unsupported instruction 0x${op.toString(16)} in a constant`, at);
        }
        if (!features.extendedConst) {
          throw featureRefusal(
            r.invalid(
              `constant expression required (0x${op.toString(16)} needs extended constant expressions)`,
              at,
            ),
          );
        }
    }
  }
}
