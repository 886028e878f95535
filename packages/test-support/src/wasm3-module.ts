import { moduleBytes, name } from "./module-bytes.js";

/**
 * A module that uses what WebAssembly 3.0 added to modules, assembled byte by byte (the text
 * tools of the test suite cannot write it):
 *
 * ```wat
 * (module
 *   (rec
 *     (type $base (sub (struct (field i32) (field (mut (ref null $derived))))))
 *     (type $derived (sub final $base
 *       (struct (field i32) (field (mut (ref null $derived))) (field (mut i8))))))
 *   (type $bytes (array (mut i8)))
 *   (type $make (func (param anyref (ref $base)) (result (ref null $bytes))))
 *   (type $payload (func (param i32)))
 *   (import "env" "error" (tag (type $payload)))
 *   (table $tab (export "tab") i64 1 10 (ref null $base) (ref.null $base))
 *   (memory $mem (export "mem") i64 1)
 *   (tag $oops (export "oops") (type $payload))
 *   (global $g (export "g") (ref null $base) (struct.new_default $base))
 *   (type $catch (func (param i32) (result i32)))
 *   (func (export "make") (type $make) (ref.null $bytes))
 *   (func (export "catch") (type $catch)
 *     (block $h (result i32)
 *       (try_table (result i32) (catch $oops $h) (throw $oops (local.get 0))))))
 * ```
 */
export const WASM3_MODULE: Uint8Array = moduleBytes([
  [
    1, // types: 5 recursion groups
    [
      5,
      ...[0x4e, 2], // (rec
      ...[0x50, 0, 0x5f, 2, 0x7f, 0, 0x63, 1, 1], //   $base: sub, no supertypes, struct
      ...[0x4f, 1, 0, 0x5f, 3, 0x7f, 0, 0x63, 1, 1, 0x78, 1], // $derived: sub final $base
      ...[0x5e, 0x78, 1], // $bytes
      ...[0x60, 2, 0x6e, 0x64, 0, 1, 0x63, 2], // $make
      ...[0x60, 1, 0x7f, 0], // $payload
      ...[0x60, 1, 0x7f, 1, 0x7f], // $catch
    ],
  ],
  [2, [1, ...name("env"), ...name("error"), 4, 0, 4]], // imports: a tag of type 4
  [3, [2, 3, 5]], // functions: $make, $catch
  [4, [1, 0x40, 0, 0x63, 0, 0x05, 1, 10, 0xd0, 0, 0x0b]], // tables: with an initialiser
  [5, [1, 0x04, 1]], // memories: 64-bit, 1 page
  [13, [1, 0, 4]], // tags: one of type 4
  [6, [1, 0x63, 0, 0, 0xfb, 1, 0, 0x0b]], // globals: struct.new_default $base
  [
    7, // exports
    [
      6,
      ...[...name("make"), 0, 0],
      ...[...name("catch"), 0, 1],
      ...[...name("oops"), 4, 1],
      ...[...name("mem"), 2, 0],
      ...[...name("tab"), 1, 0],
      ...[...name("g"), 3, 0],
    ],
  ],
  [
    10, // code
    [
      2,
      ...[4, 0, 0xd0, 2, 0x0b], // ref.null $bytes
      ...[16, 0, 0x02, 0x7f, 0x1f, 0x7f, 1, 0, 1, 0, 0x20, 0, 0x08, 1, 0x0b, 0x0b, 0x0b],
    ],
  ],
]);
