import type { EnabledFeatures } from "../features.js";
import type { ByteReader } from "./byte-reader.js";
import { featureRefusal } from "./feature-error.js";
import { valTypeRefusal } from "./feature-types.js";
import { VAL_TYPE_CODES } from "./read-types.js";

/**
 * Reads the immediates of one instruction of WebAssembly 3.0, checking what `features`
 * forbids. Returns false when they are not an instruction's the walker knows (a proposal
 * after 3.0): the rest of the body cannot be walked further.
 */
export type Immediates = (r: ByteReader, features: EnabledFeatures) => boolean;

/** Immediates that `read` skips, with nothing to check. */
const reads =
  (read: (r: ByteReader) => unknown): Immediates =>
  (r) => {
    read(r);
    return true;
  };

const none: Immediates = () => true;
const index = reads((r) => r.u32());
const twoIndices = reads((r) => [r.u32(), r.u32()]);
const s32 = reads((r) => r.s32());
const s64 = reads((r) => r.s64());
const bytes = (length: number): Immediates => reads((r) => r.skip(length));
const lane = bytes(1);

/** The abstract heap types of WebAssembly 2.0, as their (negative) s33 values. */
const FUNC_HEAP = -0x10;
const EXTERN_HEAP = -0x11;
/** `exn` and `noexn`, as s33 values. */
const EXN_HEAPS = new Set([-0x17, -0x0c]);

/**
 * A heap type (an s33: an abstract type's negative code, or a type index), refused with
 * `message` where it needs a feature switched off: a type index or an abstract type but
 * `func` and `extern` without `gc`, `exn` and `noexn` without `exceptions`.
 */
const heapType =
  (message: string): Immediates =>
  (r, features) => {
    const at = r.position;
    const heap = r.s33();
    if (heap === FUNC_HEAP || heap === EXTERN_HEAP) return true;
    if (EXN_HEAPS.has(heap) ? !features.exceptions : !features.gc) {
      throw featureRefusal(r.error(message, at));
    }
    return true;
  };

/**
 * A value type: a one-byte code or `(ref null? ht)` (0x63 / 0x64 and a heap type), refused
 * where it needs a feature switched off. False for a code the walker does not know.
 */
export const valType: Immediates = (r, features) => {
  const at = r.position;
  const code = r.u8();
  if (code === 0x63 || code === 0x64) {
    if (!features.gc) throw featureRefusal(r.error("malformed value type", at));
    return heapType("malformed value type")(r, features);
  }
  const type = VAL_TYPE_CODES.get(code);
  if (type === undefined) return false;
  const refusal = valTypeRefusal(r, type, features, at);
  if (refusal !== undefined) throw refusal;
  return true;
};

/** Empty (0x40), a value type, or a type index (a non-negative s33). */
const blockType: Immediates = (r, features) => {
  const first = r.peek();
  if (first === 0x40) {
    r.u8();
    return true;
  }
  if (first === 0x63 || first === 0x64 || VAL_TYPE_CODES.has(first)) return valType(r, features);
  return r.s33() >= 0;
};

const brTable: Immediates = (r) => {
  const labels = r.count("branch labels");
  for (let i = 0; i <= labels; i++) r.u32();
  return true;
};

const selectTypes: Immediates = (r, features) => {
  const count = r.count("select types");
  for (let i = 0; i < count; i++) if (!valType(r, features)) return false;
  return true;
};

/**
 * An instruction of a feature: refused with "illegal opcode" (WebAssembly 2.0's message for an
 * opcode it does not know) where `feature` is switched off, else its `immediates`.
 */
const of =
  (feature: keyof EnabledFeatures, immediates: Immediates): Immediates =>
  (r, features) => {
    if (!features[feature]) throw featureRefusal(r.error("illegal opcode", r.position - 1));
    return immediates(r, features);
  };

/** `try_table`: a block type and its catch clauses (a tag and a label, or a label). */
const tryTable: Immediates = (r, features) => {
  if (!blockType(r, features)) return false;
  const clauses = r.count("catch clauses");
  for (let i = 0; i < clauses; i++) {
    const kind = r.u8();
    if (kind > 3) return false;
    if (kind < 2) r.u32();
    r.u32();
  }
  return true;
};

/** `br_on_cast` and `br_on_cast_fail`: nullability flags, a label, two heap types. */
const brOnCast: Immediates = (r, features) => {
  r.u8();
  r.u32();
  const heap = heapType("malformed reference type");
  return heap(r, features) && heap(r, features);
};

/**
 * A memory index where multiple memories are on; where they are off, the reserved byte of
 * WebAssembly 2.0, which must be one zero byte (not a zero in a longer LEB128 form).
 */
const memoryIndex: Immediates = (r, features) => {
  const at = r.position;
  if (features.multiMemory) return index(r, features);
  if (r.u8() !== 0x00) throw featureRefusal(r.error("zero byte expected", at));
  return true;
};

/**
 * The alignment and offset of a load or store; with multiple memories, bit 6 of the alignment
 * field says a memory index follows it. WebAssembly 2.0 reads that bit as part of the
 * alignment exponent, which makes the alignment larger than natural.
 */
const memarg: Immediates = (r, features) => {
  const at = r.position;
  const align = r.u32();
  if (align & 0x40) {
    if (!features.multiMemory) {
      throw featureRefusal(
        r.invalid(
          "alignment must not be larger than natural (a memory index needs multiple memories)",
          at,
        ),
      );
    }
    r.u32();
  }
  // The offset is 64-bit for a 64-bit memory.
  if (features.memory64) r.u64();
  else r.u32();
  return true;
};

const memargLane: Immediates = (r, features) => memarg(r, features) && lane(r, features);

/** `memory.init`: a data index, then a memory index. */
const memoryInit: Immediates = (r, features) => index(r, features) && memoryIndex(r, features);

/** `memory.copy`: two memory indices. */
const memoryCopy: Immediates = (r, features) =>
  memoryIndex(r, features) && memoryIndex(r, features);

/** A table of 256 entries from `[first, last, immediates]` ranges; the rest stay undefined. */
function table(ranges: readonly (readonly [number, number, Immediates])[]): Immediates[] {
  const entries: Immediates[] = [];
  for (const [first, last, immediates] of ranges) {
    for (let op = first; op <= last; op++) entries[op] = immediates;
  }
  return entries;
}

/** The sub-opcodes 0xfc 0..17: saturating truncations, bulk memory and table instructions. */
const MISC: readonly Immediates[] = table([
  [0, 7, none], // i32.trunc_sat_f32_s .. i64.trunc_sat_f64_u
  [8, 8, memoryInit],
  [9, 9, index], // data.drop
  [10, 10, memoryCopy],
  [11, 11, memoryIndex], // memory.fill
  [12, 12, twoIndices], // table.init
  [13, 13, index], // elem.drop
  [14, 14, twoIndices], // table.copy
  [15, 17, index], // table.grow, table.size, table.fill
]);

/** The sub-opcodes 0xfb 0..30: garbage collection (structs, arrays, casts, i31). */
const GC: readonly Immediates[] = table([
  [0, 1, index], // struct.new, struct.new_default
  [2, 5, twoIndices], // struct.get, struct.get_s, struct.get_u, struct.set
  [6, 7, index], // array.new, array.new_default
  [8, 10, twoIndices], // array.new_fixed (length), array.new_data, array.new_elem
  [11, 14, index], // array.get, array.get_s, array.get_u, array.set
  [15, 15, none], // array.len
  [16, 16, index], // array.fill
  [17, 19, twoIndices], // array.copy, array.init_data, array.init_elem
  [20, 23, heapType("malformed reference type")], // ref.test, ref.cast (null)
  [24, 25, brOnCast], // br_on_cast, br_on_cast_fail
  [26, 30, none], // any.convert_extern, extern.convert_any, ref.i31, i31.get_s, i31.get_u
]);

/**
 * The sub-opcodes 0xfd 0..0x113: WebAssembly 2.0's vector instructions (but for 20 unused),
 * and relaxed SIMD's 0x100..0x113.
 */
const VECTOR: readonly Immediates[] = (() => {
  const entries = table([
    [0x00, 0x0b, memarg], // v128.load .. v128.store
    [0x0c, 0x0d, bytes(16)], // v128.const, i8x16.shuffle
    [0x0e, 0x14, none], // i8x16.swizzle, splats
    [0x15, 0x22, lane], // extract_lane, replace_lane
    [0x23, 0x53, none], // comparisons, bitwise, v128.any_true
    [0x54, 0x5b, memargLane], // v128.load8_lane .. v128.store64_lane
    [0x5c, 0x5d, memarg], // v128.load32_zero, v128.load64_zero
    [0x5e, 0xff, none], // arithmetic and conversions, with the gaps below
  ]);
  const gaps = [0x9a, 0xa2, 0xa5, 0xa6, 0xaf, 0xb0, 0xb2, 0xb3, 0xb4, 0xbb];
  gaps.push(0xc2, 0xc5, 0xc6, 0xcf, 0xd0, 0xd2, 0xd3, 0xd4, 0xe2, 0xee);
  for (const gap of gaps) delete entries[gap];
  for (let op = 0x100; op <= 0x113; op++) entries[op] = of("relaxedSimd", none);
  return entries;
})();

const prefixed =
  (subs: readonly Immediates[]): Immediates =>
  (r, features) => {
    const sub = subs[r.u32()];
    return sub?.(r, features) ?? false;
  };

/**
 * The immediates of every WebAssembly 3.0 opcode (and of the legacy exception instructions),
 * by its first byte; the prefixes 0xfb, 0xfc and 0xfd read their sub-opcode (a u32) first.
 * The opcodes of a feature are refused where it is switched off; opcodes of later proposals
 * (threads) are undefined.
 */
export const IMMEDIATES: readonly Immediates[] = table([
  [0x00, 0x01, none], // unreachable, nop
  [0x02, 0x04, blockType], // block, loop, if
  [0x05, 0x05, none], // else
  [0x06, 0x06, of("exceptions", blockType)], // try (legacy)
  [0x07, 0x08, of("exceptions", index)], // catch (legacy), throw
  [0x09, 0x09, of("exceptions", index)], // rethrow (legacy)
  [0x0a, 0x0a, of("exceptions", none)], // throw_ref
  [0x0b, 0x0b, none], // end
  [0x0c, 0x0d, index], // br, br_if
  [0x0e, 0x0e, brTable],
  [0x0f, 0x0f, none], // return
  [0x10, 0x10, index], // call
  [0x11, 0x11, twoIndices], // call_indirect: type, table
  [0x12, 0x12, of("tailCall", index)], // return_call
  [0x13, 0x13, of("tailCall", twoIndices)], // return_call_indirect
  [0x14, 0x14, of("gc", index)], // call_ref
  [0x15, 0x15, of("tailCall", of("gc", index))], // return_call_ref
  [0x18, 0x18, of("exceptions", index)], // delegate (legacy)
  [0x19, 0x19, of("exceptions", none)], // catch_all (legacy)
  [0x1a, 0x1b, none], // drop, select
  [0x1c, 0x1c, selectTypes], // select t*
  [0x20, 0x26, index], // local.get .. global.set, table.get, table.set
  [0x28, 0x3e, memarg], // loads and stores
  [0x3f, 0x40, memoryIndex], // memory.size, memory.grow
  [0x41, 0x41, s32], // i32.const
  [0x42, 0x42, s64], // i64.const
  [0x43, 0x43, bytes(4)], // f32.const
  [0x44, 0x44, bytes(8)], // f64.const
  [0x45, 0xc4, none], // numeric instructions, sign extensions
  [0x1f, 0x1f, of("exceptions", tryTable)],
  [0xd0, 0xd0, heapType("malformed reference type")], // ref.null
  [0xd1, 0xd1, none], // ref.is_null
  [0xd2, 0xd2, index], // ref.func
  [0xd3, 0xd4, of("gc", none)], // ref.eq, ref.as_non_null
  [0xd5, 0xd6, of("gc", index)], // br_on_null, br_on_non_null
  [0xfb, 0xfb, of("gc", prefixed(GC))],
  [0xfc, 0xfc, prefixed(MISC)],
  [0xfd, 0xfd, prefixed(VECTOR)],
]);
