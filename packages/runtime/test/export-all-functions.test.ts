import { CompileError, FuncType } from "@wasmcall/core-types";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { ByteReader } from "../src/binary/byte-reader.js";
import { ByteWriter } from "../src/binary/byte-writer.js";
import { exportAllFunctions } from "../src/binary/export-all-functions.js";
import { readModule } from "../src/binary/read-module.js";

const PREFIX = "__wasmcall_func_";

/** Reads `bytes`, adds the prefixed exports and compiles the result. */
function augment(bytes: Uint8Array, prefix = PREFIX) {
  const info = readModule(bytes);
  const augmented = exportAllFunctions(bytes, info, prefix);
  return { info, augmented, module: new WebAssembly.Module(augmented) };
}

/** The prefixed exports the engine should list for `count` functions. */
function prefixed(count: number, prefix = PREFIX) {
  return Array.from({ length: count }, (_, i) => ({ name: `${prefix}${i}`, kind: "function" }));
}

/** The ids of the sections of `bytes`, in order, custom sections included (as 0). */
function sectionIds(bytes: Uint8Array): number[] {
  const r = new ByteReader(bytes, 8);
  const ids: number[] = [];
  while (!r.atEnd()) {
    ids.push(r.u8());
    r.skip(r.u32());
  }
  return ids;
}

/** `bytes` with a custom section named `custom-<n>` before every section and at the end. */
function withCustomSections(bytes: Uint8Array): Uint8Array {
  let n = 0;
  const custom = () => new ByteWriter().section(0, (s) => s.name(`custom-${n++}`).byte(n)).finish();
  const w = new ByteWriter().bytes(bytes.subarray(0, 8));
  const r = new ByteReader(bytes, 8);
  while (!r.atEnd()) {
    const start = r.position;
    r.u8();
    r.skip(r.u32());
    w.bytes(custom()).bytes(bytes.subarray(start, r.position));
  }
  return w.bytes(custom()).finish();
}

describe("exportAllFunctions", () => {
  const LIBRARY = `(module
    (func (export "inc") (param i32) (result i32) local.get 0 i32.const 1 i32.add))`;
  const MAIN = `(module
    (import "lib" "inc" (func $inc (param i32) (result i32)))
    (import "host" "twice" (func $twice (param f64) (result f64)))
    (import "host" "mem" (memory 1))
    (global $g (export "g") (mut i64) (i64.const 7))
    (table $t (export "table") 6 funcref)
    (elem (table $t) (i32.const 0) func $inc $twice $add $swap $vec $inc)
    (func $add (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
    (func $swap (export "swap") (param i32 externref) (result externref i32)
      local.get 1 local.get 0)
    (func $vec (param v128) (result v128) local.get 0)
    (func (export "funcAt") (param i32) (result funcref) local.get 0 table.get $t)
    (export "inc" (func $inc))
    (export "twice" (func $twice))
    (export "add again" (func $add))
    (export "mem" (memory 0)))`;

  async function instantiateMain() {
    const lib = new WebAssembly.Instance(new WebAssembly.Module(await wat(LIBRARY)));
    const twice = (x: number) => 2 * x;
    const bytes = await wat(MAIN);
    const { info, augmented, module } = augment(bytes);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const instance = new WebAssembly.Instance(module, {
      lib: { inc: lib.exports.inc as WebAssembly.ExportValue },
      host: { twice, mem: memory },
    });
    return { bytes, info, augmented, module, lib, twice, exports: instance.exports };
  }

  it("adds an export for every function after the original exports", async () => {
    const { bytes, info, augmented, module } = await instantiateMain();
    const original = WebAssembly.Module.exports(new WebAssembly.Module(bytes));
    expect(original.map((e) => e.name)).toEqual([
      "g",
      "table",
      "add",
      "swap",
      "funcAt",
      "inc",
      "twice",
      "add again",
      "mem",
    ]);
    expect(WebAssembly.Module.exports(module)).toEqual([...original, ...prefixed(6)]);
    expect(WebAssembly.Module.imports(module)).toEqual(
      WebAssembly.Module.imports(new WebAssembly.Module(bytes)),
    );

    const after = readModule(augmented);
    expect(after.types).toEqual(info.types);
    expect(after.imports).toEqual(info.imports);
    expect(after.funcTypes).toEqual(info.funcTypes);
    expect(after.importedFuncCount).toBe(2);
    expect(after.exports).toEqual([
      ...info.exports,
      ...info.funcTypes.map((type, i) => ({ name: `${PREFIX}${i}`, type: { kind: "func", type } })),
    ]);
    expect(after.funcTypes[4]).toEqual(new FuncType(["v128"], ["v128"]));
  });

  it("leaves everything outside the export section unchanged", async () => {
    const { bytes, info, augmented } = await instantiateMain();
    const section = info.exportSection;
    if (section === undefined) throw new Error("no export section");
    const added = augmented.length - bytes.length;
    expect(augmented.subarray(0, section.start)).toEqual(bytes.subarray(0, section.start));
    expect(augmented.subarray(section.end + added)).toEqual(bytes.subarray(section.end));
    expect(sectionIds(augmented)).toEqual(sectionIds(bytes));
  });

  it("gives the same function object under the original name and the prefixed one", async () => {
    const { exports, lib } = await instantiateMain();
    const at = (i: number) => exports[`${PREFIX}${i}`];
    expect(exports.inc).toBe(at(0));
    expect(at(0)).toBe(lib.exports.inc);
    expect(exports.twice).toBe(at(1));
    expect(exports.add).toBe(at(2));
    expect(exports["add again"]).toBe(at(2));
    expect(exports.swap).toBe(at(3));
    expect(exports.funcAt).toBe(at(5));
    expect(new Set([0, 1, 2, 3, 4, 5].map(at)).size).toBe(6);

    const add = at(2) as (a: number, b: number) => number;
    expect(add(40, 2)).toBe(42);
    expect((at(1) as (x: number) => number)(2.5)).toBe(5);
    const swap = at(3) as (a: number, b: unknown) => [unknown, number];
    const token = {};
    expect(swap(7, token)).toEqual([token, 7]);
  });

  it("identifies the functions that come back as funcrefs", async () => {
    const { exports } = await instantiateMain();
    const funcAt = exports.funcAt as (i: number) => unknown;
    const elements = [0, 1, 2, 3, 4, 0];
    elements.forEach((index, slot) => {
      expect(funcAt(slot)).toBe(exports[`${PREFIX}${index}`]);
    });
    expect((exports.table as WebAssembly.Table).get(4)).toBe(exports[`${PREFIX}4`]);
  });

  it("inserts an export section where the binary format wants it", async () => {
    const bytes = await wat(`(module
      (import "host" "log" (func $log (param i32)))
      (memory 1)
      (global $started (mut i32) (i32.const 0))
      (table 2 funcref)
      (elem (i32.const 0) $start $read)
      (data $d "\\2a")
      (func $start (global.set $started (i32.const 1)) (call $log (i32.const 5)))
      (func $read (result i32)
        (memory.init $d (i32.const 0) (i32.const 0) (i32.const 1))
        (i32.add (global.get $started) (i32.load8_u (i32.const 0))))
      (start $start))`);
    expect(sectionIds(bytes)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 12, 10, 11]);
    const { info, augmented, module } = augment(bytes);
    expect(info.exportSection).toBeUndefined();
    expect(sectionIds(augmented)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11]);
    expect(WebAssembly.Module.exports(module)).toEqual(prefixed(3));

    const logged: number[] = [];
    const { exports } = new WebAssembly.Instance(module, {
      host: { log: (x: number) => logged.push(x) },
    });
    expect(logged).toEqual([5]);
    expect((exports[`${PREFIX}2`] as () => number)()).toBe(43);
  });

  it("keeps custom sections wherever they are", async () => {
    const plain = await wat(`(module
      (global i32 (i32.const 1))
      (func (result i32) i32.const 9))`);
    const bytes = withCustomSections(plain);
    expect(sectionIds(bytes)).toEqual([0, 1, 0, 3, 0, 6, 0, 10, 0]);
    const { augmented, module } = augment(bytes);
    expect(sectionIds(augmented)).toEqual([0, 1, 0, 3, 0, 6, 0, 7, 10, 0]);
    for (let n = 0; n < 5; n++) {
      const [content] = WebAssembly.Module.customSections(module, `custom-${n}`);
      expect(new Uint8Array(content ?? new ArrayBuffer(0))).toEqual(Uint8Array.from([n + 1]));
    }
    const { exports } = new WebAssembly.Instance(module);
    expect((exports[`${PREFIX}0`] as () => number)()).toBe(9);

    const withExports = withCustomSections(await wat(`(module (func (export "f")))`));
    const again = augment(withExports);
    expect(sectionIds(again.augmented)).toEqual(sectionIds(withExports));
    expect(WebAssembly.Module.exports(again.module)).toEqual([
      { name: "f", kind: "function" },
      ...prefixed(1),
    ]);
  });

  it("handles modules without functions, with only imports, and with many functions", async () => {
    const empty = augment(await wat("(module)"));
    expect(sectionIds(empty.augmented)).toEqual([7]);
    expect(WebAssembly.Module.exports(empty.module)).toEqual([]);

    const imports = augment(await wat(`(module (import "a" "b" (func)) (import "a" "c" (func)))`));
    expect(sectionIds(imports.augmented)).toEqual([1, 2, 7]);
    expect(WebAssembly.Module.exports(imports.module)).toEqual(prefixed(2));

    const count = 300;
    const funcs = Array.from(
      { length: count },
      (_, i) => `(func (export "e${i}") (result i32) i32.const ${i})`,
    );
    const many = augment(await wat(`(module ${funcs.join(" ")})`));
    const names = WebAssembly.Module.exports(many.module).map((e) => e.name);
    expect(names).toEqual([
      ...Array.from({ length: count }, (_, i) => `e${i}`),
      ...prefixed(count).map((e) => e.name),
    ]);
    const { exports } = new WebAssembly.Instance(many.module);
    for (let i = 0; i < count; i++) {
      expect(exports[`e${i}`]).toBe(exports[`${PREFIX}${i}`]);
      expect((exports[`${PREFIX}${i}`] as () => number)()).toBe(i);
    }
  });

  it("refuses a prefix that collides with an existing export", async () => {
    const bytes = await wat(
      `(module (func (export "f1")) (func (export "f01")) (func (export "fx")))`,
    );
    const info = readModule(bytes);
    expect(() => exportAllFunctions(bytes, info, "f")).toThrow(CompileError);
    expect(() => exportAllFunctions(bytes, info, "f")).toThrow(
      'export "f1" collides with the names "f<index>" reserved for functions',
    );
    const tooHigh = await wat(`(module (func (export "f2")) (func (export "f01")))`);
    const { module } = augment(tooHigh, "f");
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toEqual([
      "f2",
      "f01",
      "f0",
      "f1",
    ]);
  });
});
