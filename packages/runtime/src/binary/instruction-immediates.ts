import type { EnabledFeatures } from "../features.js";
import type { ByteReader } from "./byte-reader.js";
import { featureRefusal } from "./feature-error.js";
import { VAL_TYPE_CODES } from "./read-types.js";

/**
 * Reads the immediates of one instruction, checking what `features` forbids. Returns false
 * when the immediates are not those of a WebAssembly 2.0 instruction (a type of a later
 * proposal): the rest of the body cannot be walked further.
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

/** Empty (0x40), a value type, or a type index (a non-negative s33). */
const blockType: Immediates = (r) => {
  const first = r.peek();
  if (first !== 0x40 && !VAL_TYPE_CODES.has(first)) return r.s33() >= 0;
  r.u8();
  return true;
};

const brTable: Immediates = (r) => {
  const labels = r.count("branch labels");
  for (let i = 0; i <= labels; i++) r.u32();
  return true;
};

const selectTypes: Immediates = (r) => {
  const count = r.count("select types");
  for (let i = 0; i < count; i++) if (!VAL_TYPE_CODES.has(r.u8())) return false;
  return true;
};

const refType: Immediates = (r) => {
  const type = r.u8();
  return type === 0x70 || type === 0x6f;
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
  r.u32();
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

/** The sub-opcodes 0xfd 0..255 of WebAssembly 2.0's vector instructions, but for 20 unused. */
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
  return entries;
})();

const prefixed =
  (subs: readonly Immediates[]): Immediates =>
  (r, features) => {
    const sub = subs[r.u32()];
    return sub?.(r, features) ?? false;
  };

/**
 * The immediates of every WebAssembly 2.0 opcode, by its first byte; the prefixes 0xfc and
 * 0xfd read their sub-opcode (a u32) first. Opcodes of later proposals are undefined.
 */
export const IMMEDIATES: readonly Immediates[] = table([
  [0x00, 0x01, none], // unreachable, nop
  [0x02, 0x04, blockType], // block, loop, if
  [0x05, 0x05, none], // else
  [0x0b, 0x0b, none], // end
  [0x0c, 0x0d, index], // br, br_if
  [0x0e, 0x0e, brTable],
  [0x0f, 0x0f, none], // return
  [0x10, 0x10, index], // call
  [0x11, 0x11, twoIndices], // call_indirect: type, table
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
  [0xd0, 0xd0, refType], // ref.null
  [0xd1, 0xd1, none], // ref.is_null
  [0xd2, 0xd2, index], // ref.func
  [0xfc, 0xfc, prefixed(MISC)],
  [0xfd, 0xfd, prefixed(VECTOR)],
]);
