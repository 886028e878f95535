import type { ByteReader } from "./byte-reader.js";
import { type ConstContext, readConstExpr } from "./const-expr.js";
import { readRefType, readVec, typeSpaceOf } from "./read-types.js";

/**
 * Reads an element section (`r` is a window over its content), checking the constant
 * expressions of its segments (offsets and element expressions) against `context`.
 *
 * @throws {CompileError} when a segment does not decode, or a constant expression uses a
 * feature that is off (see {@link readConstExpr}).
 */
export function readElementSection(r: ByteReader, context: ConstContext): void {
  readVec(r, "element segments", () => {
    const at = r.position;
    const flags = r.u32();
    if (flags > 7) throw r.error(`malformed elements segment kind ${flags}`, at);
    const active = (flags & 1) === 0;
    const expressions = (flags & 4) !== 0;
    if (active) {
      if (flags & 2) r.u32(); // table index
      readConstExpr(r, context);
    }
    if (flags & 3) {
      if (expressions) readRefType(r, typeSpaceOf(r, context.types));
      else if (r.u8() !== 0x00) throw r.error("malformed element kind", r.position - 1);
    }
    if (expressions) readVec(r, "element expressions", () => readConstExpr(r, context));
    else readVec(r, "function indices", () => r.u32());
  });
  r.expectEnd("element section");
}

/**
 * Reads a data section (`r` is a window over its content), checking the offset expressions
 * of its active segments against `context`.
 *
 * @throws {CompileError} when a segment does not decode, or an offset uses a feature that is
 * off (see {@link readConstExpr}).
 */
export function readDataSection(r: ByteReader, context: ConstContext): void {
  readVec(r, "data segments", () => {
    const at = r.position;
    const flags = r.u32();
    if (flags > 2) throw r.error(`malformed data segment kind ${flags}`, at);
    if (flags !== 1) {
      if (flags === 2) r.u32(); // memory index
      readConstExpr(r, context);
    }
    const lengthAt = r.position;
    const length = r.u32();
    if (length > r.remaining) {
      throw r.error(`data of ${length} bytes exceeds the ${r.remaining} bytes left`, lengthAt);
    }
    r.skip(length);
  });
  r.expectEnd("data section");
}
