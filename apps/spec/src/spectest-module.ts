import { UnsupportedFeatureError, Val, type ValType } from "@wasmcall/core-types";
import { Func, Global, type Linker, Memory, type Store, Table } from "@wasmcall/runtime";

/** The `spectest` host functions: each takes these parameters and returns nothing. */
const PRINTS: readonly (readonly [string, readonly ValType[]])[] = [
  ["print", []],
  ["print_i32", ["i32"]],
  ["print_i64", ["i64"]],
  ["print_f32", ["f32"]],
  ["print_f64", ["f64"]],
  ["print_i32_f32", ["i32", "f32"]],
  ["print_f64_f64", ["f64", "f64"]],
];

/**
 * Defines the `spectest` module the suite's scripts import from, made in `store`: the print
 * functions (which do nothing), the immutable globals `global_i32` / `global_i64` (666),
 * `global_f32` / `global_f64` (666.6, rounded to f32 for the f32), a funcref `table` of 10 to 20
 * elements, a `memory` of 1 to 2 pages, and (3.0, where the engine has 64-bit tables) a funcref
 * `table64` with 64-bit indices, empty.
 */
export function defineSpectest(linker: Linker, store: Store): void {
  const engine = store.engine;
  for (const [name, params] of PRINTS) {
    linker.define(
      "spectest",
      name,
      Func.host(store, engine.funcType(params, []), () => {}, name),
    );
  }
  const globals: readonly (readonly [string, Val])[] = [
    ["global_i32", Val.i32(666)],
    ["global_i64", Val.i64(666n)],
    ["global_f32", Val.f32(Math.fround(666.6))],
    ["global_f64", Val.f64(666.6)],
  ];
  for (const [name, value] of globals) {
    linker.define(
      "spectest",
      name,
      Global.create(store, { content: value.type, mutable: false }, value),
    );
  }
  const table = Table.create(store, { element: "funcref", min: 10, max: 20 }, Val.funcref(null));
  linker.define("spectest", "table", table);
  try {
    const table64 = Table.create(
      store,
      { element: "funcref", min: 0, address: "i64" },
      Val.funcref(null),
    );
    linker.define("spectest", "table64", table64);
  } catch (error) {
    // An engine without 64-bit tables: a module importing it is refused as it is compiled.
    if (!(error instanceof UnsupportedFeatureError)) throw error;
  }
  linker.define("spectest", "memory", Memory.create(store, { min: 1, max: 2, shared: false }));
}
