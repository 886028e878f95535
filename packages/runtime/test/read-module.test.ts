import { CompileError, type DefinedType, FuncType } from "@wasmcall/core-types";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { ByteReader } from "../src/binary/byte-reader.js";
import { ByteWriter } from "../src/binary/byte-writer.js";
import type { ModuleInfo } from "../src/binary/module-info.js";
import { readModule } from "../src/binary/read-module.js";
import type { ExportType, ImportType } from "../src/extern-type.js";

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const MALFORMED = /^malformed module at byte 0x[0-9a-f]+: /;

/** A module that uses every value type and every import and export kind. */
const EVERYTHING = `(module
  (type $all (func (param i32 i64 f32 f64 v128 funcref externref)
                   (result i32 i64 f32 f64 v128 funcref externref)))
  (type $multi (func (param i64 externref) (result f64 i32 v128)))
  (type $none (func))
  (import "env" "all" (func $imp_all (type $all)))
  (import "env" "none" (func $imp_none (type $none)))
  (import "env" "g_i32" (global $g_i32 i32))
  (import "env" "g_i64_mut" (global (mut i64)))
  (import "env" "g_f32" (global f32))
  (import "env" "g_f64_mut" (global (mut f64)))
  (import "env" "g_v128" (global v128))
  (import "env" "g_funcref_mut" (global (mut funcref)))
  (import "env" "g_externref" (global externref))
  (import "env" "t_funcref" (table 1 funcref))
  (import "env" "t_externref" (table 2 10 externref))
  (import "env" "mem" (memory 1 4))
  (table $t_funcref_def 3 7 funcref)
  (table $t_externref_def 0 externref)
  (global $d_i32 (mut i32) (i32.const -5))
  (global $d_i64 i64 (i64.const 0x7fffffffffffffff))
  (global $d_f32 (mut f32) (f32.const 1.5))
  (global $d_f64 f64 (f64.const -0.25))
  (global $d_v128 (mut v128) (v128.const i32x4 1 2 3 -4))
  (global $d_funcref funcref (ref.func $multi))
  (global $d_externref (mut externref) (ref.null extern))
  (global $d_funcnull funcref (ref.null func))
  (global $d_copy i32 (global.get $g_i32))
  (func $all (type $all)
    local.get 0 local.get 1 local.get 2 local.get 3 local.get 4 local.get 5 local.get 6)
  (func $multi (type $multi)
    f64.const 1 i32.const 2 v128.const i64x2 3 4)
  (func $none (type $none))
  (export "f_all" (func $all))
  (export "f_multi" (func $multi))
  (export "f_imported" (func $imp_all))
  (export "f_none" (func $none))
  (export "g_i32" (global $g_i32))
  (export "g_i64_mut" (global 1))
  (export "g_f32" (global 2))
  (export "g_f64_mut" (global 3))
  (export "g_v128" (global 4))
  (export "g_funcref_mut" (global 5))
  (export "g_externref" (global 6))
  (export "d_i32" (global $d_i32))
  (export "d_i64" (global $d_i64))
  (export "d_f32" (global $d_f32))
  (export "d_f64" (global $d_f64))
  (export "d_v128" (global $d_v128))
  (export "d_funcref" (global $d_funcref))
  (export "d_externref" (global $d_externref))
  (export "d_funcnull" (global $d_funcnull))
  (export "d_copy" (global $d_copy))
  (export "t_funcref" (table 0))
  (export "t_externref" (table 1))
  (export "t_funcref_def" (table $t_funcref_def))
  (export "t_externref_def" (table $t_externref_def))
  (export "mem" (memory 0))
  (export "f_all_again" (func $all))
)`;

const ALL = new FuncType(
  ["i32", "i64", "f32", "f64", "v128", "funcref", "externref"],
  ["i32", "i64", "f32", "f64", "v128", "funcref", "externref"],
);
const MULTI = new FuncType(["i64", "externref"], ["f64", "i32", "v128"]);
const NONE = new FuncType([], []);

const EXPECTED_IMPORTS: ImportType[] = [
  { module: "env", name: "all", type: { kind: "func", type: ALL } },
  { module: "env", name: "none", type: { kind: "func", type: NONE } },
  {
    module: "env",
    name: "g_i32",
    type: { kind: "global", type: { content: "i32", mutable: false } },
  },
  {
    module: "env",
    name: "g_i64_mut",
    type: { kind: "global", type: { content: "i64", mutable: true } },
  },
  {
    module: "env",
    name: "g_f32",
    type: { kind: "global", type: { content: "f32", mutable: false } },
  },
  {
    module: "env",
    name: "g_f64_mut",
    type: { kind: "global", type: { content: "f64", mutable: true } },
  },
  {
    module: "env",
    name: "g_v128",
    type: { kind: "global", type: { content: "v128", mutable: false } },
  },
  {
    module: "env",
    name: "g_funcref_mut",
    type: { kind: "global", type: { content: "funcref", mutable: true } },
  },
  {
    module: "env",
    name: "g_externref",
    type: { kind: "global", type: { content: "externref", mutable: false } },
  },
  {
    module: "env",
    name: "t_funcref",
    type: { kind: "table", type: { element: "funcref", min: 1 } },
  },
  {
    module: "env",
    name: "t_externref",
    type: { kind: "table", type: { element: "externref", min: 2, max: 10 } },
  },
  { module: "env", name: "mem", type: { kind: "memory", type: { min: 1, max: 4, shared: false } } },
];

const EXPECTED_EXPORTS: ExportType[] = [
  { name: "f_all", type: { kind: "func", type: ALL } },
  { name: "f_multi", type: { kind: "func", type: MULTI } },
  { name: "f_imported", type: { kind: "func", type: ALL } },
  { name: "f_none", type: { kind: "func", type: NONE } },
  { name: "g_i32", type: { kind: "global", type: { content: "i32", mutable: false } } },
  { name: "g_i64_mut", type: { kind: "global", type: { content: "i64", mutable: true } } },
  { name: "g_f32", type: { kind: "global", type: { content: "f32", mutable: false } } },
  { name: "g_f64_mut", type: { kind: "global", type: { content: "f64", mutable: true } } },
  { name: "g_v128", type: { kind: "global", type: { content: "v128", mutable: false } } },
  { name: "g_funcref_mut", type: { kind: "global", type: { content: "funcref", mutable: true } } },
  { name: "g_externref", type: { kind: "global", type: { content: "externref", mutable: false } } },
  { name: "d_i32", type: { kind: "global", type: { content: "i32", mutable: true } } },
  { name: "d_i64", type: { kind: "global", type: { content: "i64", mutable: false } } },
  { name: "d_f32", type: { kind: "global", type: { content: "f32", mutable: true } } },
  { name: "d_f64", type: { kind: "global", type: { content: "f64", mutable: false } } },
  { name: "d_v128", type: { kind: "global", type: { content: "v128", mutable: true } } },
  { name: "d_funcref", type: { kind: "global", type: { content: "funcref", mutable: false } } },
  { name: "d_externref", type: { kind: "global", type: { content: "externref", mutable: true } } },
  { name: "d_funcnull", type: { kind: "global", type: { content: "funcref", mutable: false } } },
  { name: "d_copy", type: { kind: "global", type: { content: "i32", mutable: false } } },
  { name: "t_funcref", type: { kind: "table", type: { element: "funcref", min: 1 } } },
  { name: "t_externref", type: { kind: "table", type: { element: "externref", min: 2, max: 10 } } },
  { name: "t_funcref_def", type: { kind: "table", type: { element: "funcref", min: 3, max: 7 } } },
  { name: "t_externref_def", type: { kind: "table", type: { element: "externref", min: 0 } } },
  { name: "mem", type: { kind: "memory", type: { min: 1, max: 4, shared: false } } },
  { name: "f_all_again", type: { kind: "func", type: ALL } },
];

/** A module of the header and these sections, each given as its id and content bytes. */
function moduleOf(...sections: [id: number, content: number[]][]): Uint8Array {
  const w = new ByteWriter().bytes(HEADER);
  for (const [id, content] of sections) w.section(id, (s) => s.bytes(content));
  return w.finish();
}

/** The bytes of a name: its LEB128 length, then its UTF-8. */
function nameBytes(text: string): number[] {
  return [...new ByteWriter().name(text).finish()];
}

/** The function type of defined type `t` (which must be one). */
function funcTypeOf(t: DefinedType | undefined): FuncType {
  if (t?.composite.kind !== "func") throw new Error(`not a function type: ${t?.name}`);
  return t.composite.type;
}

/** Reads `bytes` expecting a CompileError, and returns its message. */
function malformed(bytes: Uint8Array): string {
  try {
    readModule(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(CompileError);
    expect((e as CompileError).message).toMatch(MALFORMED);
    return (e as CompileError).message;
  }
  throw new Error("readModule accepted malformed bytes");
}

/** The offsets where a section starts or ends: the prefixes of `bytes` that are whole modules. */
function sectionBoundaries(bytes: Uint8Array): Set<number> {
  const r = new ByteReader(bytes, 8);
  const out = new Set([8]);
  while (!r.atEnd()) {
    r.u8();
    r.skip(r.u32());
    out.add(r.position);
  }
  return out;
}

/** Checks that our reading of the imports and exports agrees with the engine's. */
function expectSameAsEngine(info: ModuleInfo, module: WebAssembly.Module): void {
  const kind = {
    func: "function",
    table: "table",
    memory: "memory",
    global: "global",
    tag: "tag",
  } as const;
  expect(
    info.imports.map((i) => ({ module: i.module, name: i.name, kind: kind[i.type.kind] })),
  ).toEqual(WebAssembly.Module.imports(module));
  expect(info.exports.map((e) => ({ name: e.name, kind: kind[e.type.kind] }))).toEqual(
    WebAssembly.Module.exports(module),
  );
}

/** A deterministic pseudo-random generator (mulberry32) giving integers in [0, n). */
function random(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

describe("ByteReader", () => {
  const reader = (...bytes: number[]) => new ByteReader(Uint8Array.from(bytes));

  it("reads u32 LEB128, accepting padded encodings up to 5 bytes", () => {
    expect(reader(0x00).u32()).toBe(0);
    expect(reader(0x7f).u32()).toBe(127);
    expect(reader(0x80, 0x01).u32()).toBe(128);
    expect(reader(0xe5, 0x8e, 0x26).u32()).toBe(624485);
    expect(reader(0xff, 0xff, 0xff, 0xff, 0x0f).u32()).toBe(0xffffffff);
    expect(reader(0x80, 0x80, 0x80, 0x80, 0x00).u32()).toBe(0);
    const r = reader(0x81, 0x00, 0x05);
    expect(r.u32()).toBe(1);
    expect(r.position).toBe(2);
  });

  it("rejects u32 LEB128 that is too long, too large or cut short", () => {
    expect(() => reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32()).toThrow(
      "malformed module at byte 0x0: integer representation too long",
    );
    expect(() => reader(0xff, 0xff, 0xff, 0xff, 0x1f).u32()).toThrow("integer too large");
    expect(() => reader(0x80, 0x80, 0x80, 0x80, 0x40).u32()).toThrow("integer too large");
    expect(() => reader(0x80, 0x80).u32()).toThrow("malformed module at byte 0x2: unexpected end");
  });

  it("reads s32 LEB128 with strict sign bits", () => {
    expect(reader(0x7f).s32()).toBe(-1);
    expect(reader(0x3f).s32()).toBe(63);
    expect(reader(0x40).s32()).toBe(-64);
    expect(reader(0xc0, 0x00).s32()).toBe(64);
    expect(reader(0xff, 0xff, 0xff, 0xff, 0x07).s32()).toBe(0x7fffffff);
    expect(reader(0x80, 0x80, 0x80, 0x80, 0x78).s32()).toBe(-0x80000000);
    expect(reader(0xff, 0xff, 0xff, 0xff, 0x7f).s32()).toBe(-1);
    for (const last of [0x08, 0x10, 0x70, 0x77]) {
      expect(() => reader(0xff, 0xff, 0xff, 0xff, last).s32()).toThrow("integer too large");
    }
    expect(() => reader(0xff, 0xff, 0xff, 0xff, 0xff, 0x7f).s32()).toThrow(
      "integer representation too long",
    );
  });

  it("reads every s32 the ByteWriter writes", () => {
    const next = random(7);
    const values = [0, 1, -1, 63, 64, -64, -65, 2 ** 31 - 1, -(2 ** 31)];
    for (let i = 0; i < 500; i++) values.push((next(2 ** 16) * 2 ** 16 + next(2 ** 16)) | 0);
    for (const v of values) {
      const bytes = new ByteWriter()
        .s32(v)
        .u32(v >>> 0)
        .finish();
      const r = new ByteReader(bytes);
      expect(r.s32()).toBe(v);
      expect(r.u32()).toBe(v >>> 0);
      expect(r.atEnd()).toBe(true);
    }
  });

  it("reads s64 LEB128 with strict sign bits", () => {
    const max = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];
    const min = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f];
    expect(reader(0x7f).s64()).toBe(-1n);
    expect(reader(...max).s64()).toBe(2n ** 63n - 1n);
    expect(reader(...min).s64()).toBe(-(2n ** 63n));
    expect(() => reader(...max.slice(0, 9), 0x01).s64()).toThrow("integer too large");
    expect(() => reader(...min.slice(0, 9), 0x7e).s64()).toThrow("integer too large");
    expect(() => reader(...min.slice(0, 9), 0xff, 0x7f).s64()).toThrow(
      "integer representation too long",
    );
  });

  it("reads names as strict UTF-8, keeping a byte order mark", () => {
    expect(new ByteReader(new ByteWriter().name("h\u00e9 \u{1f600}").finish()).name()).toBe(
      "h\u00e9 \u{1f600}",
    );
    expect(reader(3, 0xef, 0xbb, 0xbf).name()).toBe("\ufeff");
    expect(() => reader(2, 0xc3, 0x28).name()).toThrow(
      "malformed module at byte 0x0: malformed UTF-8 encoding",
    );
    expect(() => reader(3, 0xed, 0xa0, 0x80).name()).toThrow("malformed UTF-8 encoding");
    expect(() => reader(5, 0x61).name()).toThrow("name of 5 bytes exceeds the 1 bytes left");
  });

  it("stops at the end of its window and reports offsets within the whole array", () => {
    const r = new ByteReader(Uint8Array.from([1, 2, 3, 4, 5, 6]), 2, 5);
    expect(r.position).toBe(2);
    expect(r.remaining).toBe(3);
    const w = r.window(2);
    expect(r.position).toBe(4);
    expect(w.u8()).toBe(3);
    expect(w.u8()).toBe(4);
    expect(w.atEnd()).toBe(true);
    expect(() => w.u8()).toThrow("malformed module at byte 0x4: unexpected end");
    expect(() => r.bytes(2)).toThrow("unexpected end: 2 bytes needed, 1 left");
    expect(r.bytes(1)).toEqual(Uint8Array.from([5]));
    expect(() => r.window(1)).toThrow(CompileError);
    expect(() => r.skip(1)).toThrow(CompileError);
    expect(() => new ByteReader(new Uint8Array(2), 1, 3)).toThrow(RangeError);
  });

  it("checks counts against the bytes left", () => {
    expect(reader(2, 0, 0).count("items")).toBe(2);
    expect(() => reader(3, 0, 0).count("items")).toThrow("3 items cannot fit in the 2 bytes left");
  });
});

describe("readModule", () => {
  it("reads every value type, import kind and export kind exactly", async () => {
    const bytes = await wat(EVERYTHING);
    const info = readModule(bytes);
    expect(info.types.map(funcTypeOf)).toEqual([ALL, MULTI, NONE]);
    expect(funcTypeOf(info.types[0])).toBeInstanceOf(FuncType);
    expect(info.imports).toEqual(EXPECTED_IMPORTS);
    expect(info.exports).toEqual(EXPECTED_EXPORTS);
    expect(info.funcTypes).toEqual([ALL, NONE, ALL, MULTI, NONE]);
    expect(info.importedFuncCount).toBe(2);
    expect(info.funcTypes[2]).toBe(funcTypeOf(info.types[0]));
    expectSameAsEngine(info, new WebAssembly.Module(bytes));
  });

  it("reads memories with and without a maximum, and shared ones", async () => {
    const plain = readModule(await wat(`(module (memory (export "m") 2))`));
    expect(plain.exports).toEqual([
      { name: "m", type: { kind: "memory", type: { min: 2, shared: false } } },
    ]);
    const shared = await wat(
      `(module (import "env" "m" (memory 1 100 shared)) (export "m" (memory 0)))`,
      { features: { threads: true } },
    );
    const type = { kind: "memory", type: { min: 1, max: 100, shared: true } };
    const info = readModule(shared);
    expect(info.imports).toEqual([{ module: "env", name: "m", type }]);
    expect(info.exports).toEqual([{ name: "m", type }]);
    expectSameAsEngine(info, new WebAssembly.Module(shared));
    const sharedNoMax = moduleOf([2, [1, ...nameBytes("a"), ...nameBytes("b"), 0x02, 0x02, 5]]);
    expect(readModule(sharedNoMax).imports[0]?.type).toEqual({
      kind: "memory",
      type: { min: 5, shared: true },
    });
  });

  it("reads the empty module, and one without exports", async () => {
    expect(readModule(Uint8Array.from(HEADER))).toEqual({
      types: [],
      imports: [],
      exports: [],
      exportIndices: [],
      funcTypes: [],
      importedFuncCount: 0,
    });
    const info = readModule(
      await wat(`(module (func (param i32)) (func (result i64) i64.const 1))`),
    );
    const t = new FuncType(["i32"], []);
    const u = new FuncType([], ["i64"]);
    expect(info.types.map(funcTypeOf)).toEqual([t, u]);
    expect(info.funcTypes).toEqual([t, u]);
    expect(info.exports).toEqual([]);
  });

  it("skips custom sections anywhere", async () => {
    const bytes = await wat(EVERYTHING);
    const custom = (text: string) =>
      new ByteWriter().section(0, (s) => s.name(text).bytes([1, 2, 3])).finish();
    const w = new ByteWriter().bytes(HEADER).bytes(custom("first"));
    const r = new ByteReader(bytes, 8);
    while (!r.atEnd()) {
      const start = r.position;
      r.u8();
      r.skip(r.u32());
      w.bytes(bytes.subarray(start, r.position)).bytes(custom(`after ${bytes[start]}`));
    }
    w.section(0, (s) => s.name(""));
    const withCustom = w.finish();
    const info = readModule(withCustom);
    expectSameAsEngine(info, new WebAssembly.Module(withCustom.slice()));
    expect(info.imports).toEqual(EXPECTED_IMPORTS);
    expect(info.exports).toEqual(EXPECTED_EXPORTS);
  });

  it("stops reading after the export section, before start, element, code and data", async () => {
    const bytes = await wat(`(module
      (memory 1) (global $g (mut i32) (i32.const 0))
      (func $start (global.set $g (i32.const 1)))
      (func $f (param i32) (result i32)
        (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 0))
        local.get 0)
      (table 1 funcref) (elem (i32.const 0) $f)
      (data "abc")
      (start $start)
      (export "f" (func $f)))`);
    const info = readModule(bytes);
    expect(info.exports).toEqual([
      { name: "f", type: { kind: "func", type: new FuncType(["i32"], ["i32"]) } },
    ]);
  });

  describe("rejects malformed modules with CompileError", () => {
    it("bad magic or version", () => {
      expect(malformed(new Uint8Array(0))).toBe(
        "malformed module at byte 0x0: magic header not detected",
      );
      expect(malformed(Uint8Array.from([0x00, 0x61, 0x73]))).toMatch("magic header not detected");
      expect(malformed(Uint8Array.from([0x00, 0x61, 0x73, 0x6e, 1, 0, 0, 0]))).toMatch(
        "magic header not detected",
      );
      expect(malformed(Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 2, 0, 0, 0]))).toBe(
        "malformed module at byte 0x4: unknown binary version",
      );
      expect(malformed(Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0]))).toMatch(
        "unknown binary version",
      );
    });

    it("every truncation that does not end at a section boundary", async () => {
      const bytes = await wat(EVERYTHING);
      const boundaries = sectionBoundaries(bytes);
      for (let length = 0; length < bytes.length; length++) {
        const prefix = bytes.subarray(0, length);
        if (boundaries.has(length)) readModule(prefix);
        else malformed(prefix);
      }
    });

    it("LEB128 integers that are too long or too large", () => {
      expect(malformed(moduleOf([1, [0x80, 0x80, 0x80, 0x80, 0x80, 0x00]]))).toBe(
        "malformed module at byte 0xa: integer representation too long",
      );
      expect(malformed(moduleOf([1, [0x80, 0x80, 0x80, 0x80, 0x10]]))).toBe(
        "malformed module at byte 0xa: integer too large",
      );
      expect(malformed(Uint8Array.from([...HEADER, 1, 0xff, 0xff, 0xff, 0xff, 0xff]))).toMatch(
        "integer representation too long",
      );
      expect(
        malformed(moduleOf([6, [1, 0x7f, 0x00, 0x41, 0xff, 0xff, 0xff, 0xff, 0x4f, 0x0b]])),
      ).toMatch("integer too large");
    });

    it("lengths and counts beyond the end", () => {
      const overlongName = moduleOf([2, [1, 0xff, 0xff, 0xff, 0xff, 0x07, 0x61]]);
      expect(malformed(overlongName)).toBe(
        "malformed module at byte 0xb: name of 2147483647 bytes exceeds the 1 bytes left",
      );
      expect(malformed(moduleOf([2, [1, ...nameBytes("env"), 4, 0x61]]))).toMatch(
        "name of 4 bytes exceeds the 1 bytes left",
      );
      expect(malformed(moduleOf([1, [0xff, 0xff, 0xff, 0xff, 0x0f]]))).toMatch(
        "4294967295 recursion groups cannot fit in the 0 bytes left",
      );
      expect(malformed(Uint8Array.from([...HEADER, 1, 5, 0]))).toBe(
        "malformed module at byte 0x9: section of 5 bytes exceeds the 1 bytes left",
      );
    });

    it("bad names", () => {
      expect(malformed(moduleOf([2, [1, 2, 0xc3, 0x28, 0, 0, 0]]))).toBe(
        "malformed module at byte 0xb: malformed UTF-8 encoding",
      );
      expect(malformed(moduleOf([0, [1, 0xff]]))).toMatch("malformed UTF-8 encoding");
      expect(malformed(moduleOf([0, []]))).toMatch("unexpected end");
    });

    it("bad section framing and order", () => {
      expect(malformed(moduleOf([14, []]))).toBe(
        "malformed module at byte 0x8: malformed section id 14",
      );
      expect(malformed(moduleOf([3, [0]], [1, [0]]))).toMatch("unexpected section id 1");
      expect(malformed(moduleOf([1, [0]], [1, [0]]))).toMatch("unexpected section id 1");
      expect(malformed(moduleOf([7, [0]], [6, [0]]))).toMatch("unexpected section id 6");
      expect(malformed(moduleOf([10, [0]], [11, [0]], [12, [0]]))).toMatch(
        "unexpected section id 12",
      );
      expect(malformed(moduleOf([1, [0, 0]]))).toBe(
        "malformed module at byte 0xb: section 1: 1 bytes left unread",
      );
      expect(malformed(moduleOf([1, [1, 0x60, 1, 0x7f]]))).toMatch("unexpected end");
    });

    it("bad types", () => {
      expect(malformed(moduleOf([1, [1, 0x5d, 0, 0]]))).toBe(
        "malformed module at byte 0xb: malformed type form 0x5d",
      );
      expect(malformed(moduleOf([1, [1, 0x60, 1, 0x7a, 0]]))).toBe(
        "malformed module at byte 0xd: malformed value type 0x7a",
      );
      expect(malformed(moduleOf([4, [1, 0x7f, 0x00, 0x01]]))).toMatch(
        "malformed reference type i32",
      );
      expect(malformed(moduleOf([4, [1, 0x70, 0x02, 0x01]]))).toMatch(
        "malformed table limits flags 0x2",
      );
      expect(malformed(moduleOf([5, [1, 0x08, 0x01]]))).toMatch(
        "malformed memory limits flags 0x8",
      );
      expect(malformed(moduleOf([6, [1, 0x7f, 0x02, 0x41, 0x00, 0x0b]]))).toMatch(
        "malformed mutability 0x2",
      );
    });

    it("bad indices and kinds", () => {
      expect(malformed(moduleOf([1, [0]], [3, [1, 0]]))).toBe(
        "malformed module at byte 0xe: unknown type 0",
      );
      const oneFunc: [number, number[]] = [1, [1, 0x60, 0, 0]];
      expect(malformed(moduleOf(oneFunc, [3, [1, 0]], [7, [1, ...nameBytes("f"), 0, 1]]))).toMatch(
        "unknown function 1",
      );
      expect(malformed(moduleOf([7, [1, ...nameBytes("t"), 1, 0]]))).toMatch("unknown table 0");
      expect(malformed(moduleOf([7, [1, ...nameBytes("m"), 2, 0]]))).toMatch("unknown memory 0");
      expect(malformed(moduleOf([7, [1, ...nameBytes("g"), 3, 0]]))).toMatch("unknown global 0");
      expect(malformed(moduleOf([7, [1, ...nameBytes("x"), 5, 0]]))).toMatch(
        "malformed external kind 0x5",
      );
      expect(malformed(moduleOf([7, [1, ...nameBytes("x"), 4, 0]]))).toMatch("unknown tag 0");
      expect(malformed(moduleOf([2, [1, ...nameBytes("a"), ...nameBytes("b"), 4, 0, 0]]))).toMatch(
        "unknown type 0",
      );
    });

    it("bad constant expressions", () => {
      const global = (...init: number[]) => moduleOf([6, [1, 0x7f, 0x00, ...init]]);
      expect(malformed(global(0x41, 0x00))).toMatch("unexpected end");
      expect(malformed(global(0x20, 0x00, 0x0b))).toBe(
        "malformed module at byte 0xd: unsupported instruction 0x20 in a constant",
      );
      expect(malformed(global(0xfd, 0x0d, ...new Array(16).fill(0), 0x0b))).toMatch(
        "unsupported instruction 0xfd 13 in a constant",
      );
      expect(malformed(global(0x44, 0, 0, 0, 0, 0, 0, 0, 0x0b))).toMatch("unexpected end");
      expect(malformed(global(0xd0, 0x7f, 0x0b))).toMatch("malformed heap type 0x7f");
      expect(
        readModule(
          global(0x41, 0x01, 0x41, 0x02, 0x6a, 0xfd, 0x8c, 0x00, ...new Array(16).fill(0), 0x0b),
        ).types,
      ).toEqual([]);
    });
  });

  it("fails only with CompileError, and accepts what the engine accepts", async () => {
    const original = await wat(EVERYTHING);
    const next = random(1234);
    let accepted = 0;
    for (let round = 0; round < 3000; round++) {
      const bytes = original.slice();
      for (let k = 1 + next(3); k > 0; k--) bytes[8 + next(bytes.length - 8)] = next(256);
      let info: ModuleInfo | undefined;
      try {
        info = readModule(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(CompileError);
      }
      let module: WebAssembly.Module | undefined;
      try {
        module = new WebAssembly.Module(bytes);
      } catch {
        continue;
      }
      accepted++;
      expect(info, `the engine accepts round ${round}`).toBeDefined();
      if (info) expectSameAsEngine(info, module);
    }
    expect(accepted).toBeGreaterThan(100);
  }, 30_000); // 3000 compilations: about 1 s alone, much more on a loaded machine
});
