import { moduleBytes, name } from "./module-bytes.js";

/**
 * A module whose functions have types declared other than plainly (WebAssembly 3.0), assembled
 * byte by byte: a function type open to subtypes, and one in a recursion group of two. Each is
 * a type of its own, which a function of it must be imported as (an engine refuses it as the
 * plain `(func ...)` of the same parameters and results).
 *
 * ```wat
 * (module
 *   (type $open (sub (func (result f32))))
 *   (rec (type $pair (func (param i32) (result i32))) (type $other (func)))
 *   (func (export "open") (type $open) (f32.const 1.5))
 *   (func (export "grouped") (type $pair) (i32.add (local.get 0) (i32.const 1))))
 * ```
 */
export const SUBTYPED_FUNCS_MODULE: Uint8Array = moduleBytes([
  [
    1, // types: 2 recursion groups
    [
      2,
      ...[0x50, 0, 0x60, 0, 1, 0x7d], // $open: sub, no supertypes, () -> f32
      ...[0x4e, 2, 0x60, 1, 0x7f, 1, 0x7f, 0x60, 0, 0], // (rec $pair $other)
    ],
  ],
  [3, [2, 0, 1]], // functions: $open, $pair
  [7, [2, ...name("open"), 0, 0, ...name("grouped"), 0, 1]], // exports
  [
    10, // code
    [
      2,
      ...[7, 0, 0x43, 0x00, 0x00, 0xc0, 0x3f, 0x0b], // f32.const 1.5
      ...[7, 0, 0x20, 0, 0x41, 1, 0x6a, 0x0b], // local.get 0, i32.const 1, i32.add
    ],
  ],
]);
