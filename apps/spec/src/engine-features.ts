/**
 * The WebAssembly 3.0 features an engine may lack, each found by validating a small module
 * that needs it and nothing else of 3.0 (bytes written out here: they are the spec's binary
 * format, so the probe does not depend on the runtime under test).
 */
const PROBES: Readonly<Record<string, readonly number[]>> = {
  // (func (param (ref null 0)))  with type 0 a struct: GC types.
  "garbage collection": [...header(), ...section(1, [2, 0x5f, 0, 0x60, 1, 0x63, 0, 0])],
  // (func (param exnref) (try_table)): exception handling with exnref.
  "exception handling (exnref)": [
    ...header(),
    ...section(1, [1, 0x60, 1, 0x69, 0]),
    ...section(3, [1, 0]),
    ...section(10, [1, 6, 0, 0x1f, 0x40, 0, 0x0b, 0x0b]),
  ],
  // (memory i64 0): 64-bit memories.
  memory64: [...header(), ...section(5, [1, 0x04, 0])],
  // (table i64 0 funcref): 64-bit tables (memory64 too, shipped later by some engines).
  "64-bit tables": [...header(), ...section(4, [1, 0x70, 0x04, 0])],
  // (memory 0) (memory 0): multiple memories.
  "multiple memories": [...header(), ...section(5, [2, 0, 0, 0, 0])],
  // (func return_call 0): tail calls.
  "tail calls": [
    ...header(),
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [1, 0]),
    ...section(10, [1, 4, 0, 0x12, 0, 0x0b]),
  ],
  // (func (param v128 v128) (result v128) i8x16.relaxed_swizzle): relaxed SIMD.
  "relaxed SIMD": [
    ...header(),
    ...section(1, [1, 0x60, 2, 0x7b, 0x7b, 1, 0x7b]),
    ...section(3, [1, 0]),
    ...section(10, [1, 9, 0, 0x20, 0, 0x20, 1, 0xfd, 0x80, 0x02, 0x0b]),
  ],
};

function header(): number[] {
  return [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
}

function section(id: number, content: readonly number[]): number[] {
  return [id, content.length, ...content];
}

/** The features of {@link PROBES} the engine running this code lacks, found once. */
let lacking: readonly string[] | undefined;

/**
 * The WebAssembly 3.0 features the engine running this code does not validate, by name:
 * `garbage collection`, `exception handling (exnref)`, `memory64`, `64-bit tables`,
 * `multiple memories`, `tail calls`, `relaxed SIMD`. Empty on an engine with all of them.
 */
export function lackingFeatures(): readonly string[] {
  lacking ??= Object.entries(PROBES)
    .filter(([, bytes]) => !WebAssembly.validate(new Uint8Array(bytes)))
    .map(([name]) => name);
  return lacking;
}
