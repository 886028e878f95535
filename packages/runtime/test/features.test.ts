import { CompileError } from "@wasmcall/core-types";
import { Engine, type Features, Module, WEBASSEMBLY_2_0 } from "@wasmcall/runtime";
import { type WatFeatures, wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { ByteReader } from "../src/binary/byte-reader.js";
import { ByteWriter } from "../src/binary/byte-writer.js";
import { IMMEDIATES } from "../src/binary/instruction-immediates.js";
import { ALL_FEATURES, enabledFeatures } from "../src/features.js";

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** The message of the CompileError that compiling `bytes` for `engine` throws. */
function refusal(engine: Engine, bytes: Uint8Array): string {
  try {
    new Module(engine, bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(CompileError);
    return (e as CompileError).message;
  }
  throw new Error("the module compiled");
}

/** An engine with `features` switched off (each key given is set to false). */
function without(...features: (keyof Features)[]): Engine {
  return new Engine({ features: Object.fromEntries(features.map((f) => [f, false])) });
}

/** Checks that the default engine accepts `bytes` exactly when the JS engine does. */
function expectEngineDecides(bytes: Uint8Array<ArrayBuffer>): void {
  const engine = new Engine();
  if (WebAssembly.validate(bytes)) {
    expect(() => new Module(engine, bytes)).not.toThrow();
  } else {
    let engineMessage = "";
    try {
      new WebAssembly.Module(bytes);
    } catch (e) {
      engineMessage = (e as Error).message;
    }
    expect(refusal(engine, bytes)).toBe(engineMessage);
  }
}

/**
 * A module of one function `() -> ()` with body `code` (no locals; `end` added), one table, one
 * memory and one passive data segment, for the memory and table instructions.
 */
function bodyModule(code: readonly number[]): Uint8Array<ArrayBuffer> {
  const body = [0x00, ...code, 0x0b];
  return new ByteWriter()
    .bytes(HEADER)
    .section(1, (w) => w.bytes([1, 0x60, 0, 0]))
    .section(3, (w) => w.bytes([1, 0]))
    .section(4, (w) => w.bytes([1, 0x70, 0, 1]))
    .section(5, (w) => w.bytes([1, 0, 1]))
    .section(12, (w) => w.u32(1))
    .section(10, (w) => w.u32(1).u32(body.length).bytes(body))
    .section(11, (w) => w.bytes([1, 1, 0]))
    .finish();
}

const I32_0 = [0x41, 0x00];

describe("Engine features", () => {
  it("are all on by default, and each can be switched off alone", () => {
    const all = {
      multiMemory: true,
      extendedConst: true,
      anyGlobalInConstExpr: true,
      memory64: true,
      exceptions: true,
      gc: true,
      tailCall: true,
      relaxedSimd: true,
    };
    expect(new Engine().features).toEqual(all);
    expect(new Engine({ features: { extendedConst: false } }).features).toEqual({
      ...all,
      extendedConst: false,
    });
    expect(Object.values(WEBASSEMBLY_2_0).every((on) => on === false)).toBe(true);
    expect(Object.keys(WEBASSEMBLY_2_0).sort()).toEqual(Object.keys(all).sort());
    expect(Object.isFrozen(new Engine().features)).toBe(true);
  });
});

describe("multiMemory: false", () => {
  const twoMemories = [
    "(module (memory 0) (memory 0))",
    `(module (import "" "a" (memory 1)) (memory 0))`,
    `(module (import "" "a" (memory 1)) (import "" "b" (memory 1)))`,
  ];

  it("refuses a second memory, defined or imported, with 'multiple memories'", async () => {
    for (const text of twoMemories) {
      const bytes = await wat(text, { features: { multi_memory: true } as WatFeatures });
      expect(refusal(without("multiMemory"), bytes)).toMatch(
        /^invalid module at byte 0x[0-9a-f]+: multiple memories$/,
      );
      expectEngineDecides(bytes);
    }
  });

  it("accepts one memory, imported or defined", async () => {
    for (const text of [`(module (memory 1))`, `(module (import "" "m" (memory 1)))`]) {
      const bytes = await wat(text);
      expect(() => new Module(without("multiMemory"), bytes)).not.toThrow();
    }
  });

  /** Each memory instruction with its reserved bytes in place of `X` (and `Y`). */
  const reserved: [string, (x: number[], y: number[]) => number[]][] = [
    ["memory.size", (x) => [0x3f, ...x, 0x1a]],
    ["memory.grow", (x) => [...I32_0, 0x40, ...x, 0x1a]],
    ["memory.init", (x) => [...I32_0, ...I32_0, ...I32_0, 0xfc, 0x08, 0x00, ...x]],
    ["memory.copy (first)", (x, y) => [...I32_0, ...I32_0, ...I32_0, 0xfc, 0x0a, ...x, ...y]],
    ["memory.copy (second)", (x, y) => [...I32_0, ...I32_0, ...I32_0, 0xfc, 0x0a, ...y, ...x]],
    ["memory.fill", (x) => [...I32_0, ...I32_0, ...I32_0, 0xfc, 0x0b, ...x]],
  ];

  it("accepts the single zero byte of every memory instruction", () => {
    for (const [name, code] of reserved) {
      const bytes = bodyModule(code([0x00], [0x00]));
      expect(() => new Module(without("multiMemory"), bytes), name).not.toThrow();
    }
  });

  it("refuses another reserved byte, or a zero in a longer form, with 'zero byte expected'", () => {
    const bad = [[0x01], [0x80, 0x00], [0x80, 0x80, 0x00], [0x80, 0x80, 0x80, 0x00]];
    bad.push([0x80, 0x80, 0x80, 0x80, 0x00]);
    for (const [name, code] of reserved) {
      for (const x of bad) {
        const bytes = bodyModule(code(x, [0x00]));
        expect(refusal(without("multiMemory"), bytes), `${name} ${x}`).toMatch(
          /^malformed module at byte 0x[0-9a-f]+: zero byte expected$/,
        );
        expectEngineDecides(bytes);
      }
    }
  });

  it("names the offset of the reserved byte", () => {
    const bytes = bodyModule([0x3f, 0x80, 0x00, 0x1a]);
    const at = bytes.findIndex((_, i) => bytes[i - 1] === 0x3f && bytes[i] === 0x80);
    expect(refusal(without("multiMemory"), bytes)).toBe(
      `malformed module at byte 0x${at.toString(16)}: zero byte expected`,
    );
  });

  it("refuses a load or store with a memory index (alignment bit 6)", () => {
    const cases = [
      [...I32_0, 0x28, 0x42, 0x00, 0x00, 0x1a], // i32.load, memory 0
      [...I32_0, ...I32_0, 0x36, 0x42, 0x00, 0x00], // i32.store, memory 0
      [...I32_0, 0xfd, 0x00, 0x44, 0x00, 0x00, 0x1a], // v128.load, memory 0
    ];
    for (const code of cases) {
      const bytes = bodyModule(code);
      expect(refusal(without("multiMemory"), bytes)).toMatch(
        /^invalid module at byte 0x[0-9a-f]+: alignment must not be larger than natural/,
      );
      expectEngineDecides(bytes);
    }
  });

  it("finds a bad reserved byte after instructions of every kind of immediates", () => {
    // Decodable, not type-correct: the walker reads encodings only.
    // biome-ignore format: one instruction per line
    const code = [
      0x02, 0x40, 0x03, 0x7f, 0x04, 0x00, 0x05, 0x0b, 0x0b, 0x0b, // block, loop i32, if (type 0), else
      0x0e, 0x02, 0x00, 0x81, 0x00, 0x00, // br_table 0 1 0 (a label in a long form)
      0x11, 0x00, 0x00, 0x1c, 0x01, 0x7b, // call_indirect, select v128
      0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f, // i64.const, 10 bytes
      0x43, 0x3f, 0x3f, 0x3f, 0x3f, 0x44, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, // f32 and f64 consts
      0xd0, 0x6f, 0xd2, 0x00, 0x25, 0x00, // ref.null extern, ref.func, table.get
      0xfd, 0x0c, ...new Array(16).fill(0x3f), // v128.const
      0xfd, 0x0d, ...new Array(16).fill(0x3f), // i8x16.shuffle
      0xfd, 0x15, 0x3f, 0xfd, 0x55, 0x01, 0x02, 0x3f, 0xfd, 0x5d, 0x03, 0x00, // lane ops
      0xfc, 0x0c, 0x00, 0x00, 0xfc, 0x0e, 0x00, 0x00, 0xfc, 0x11, 0x00, // table.init, copy, fill
      0x3f, 0x80, 0x00, // memory.size with a long zero
    ];
    const bytes = bodyModule(code);
    const at = bytes.findIndex((_, i) => bytes[i - 1] === 0x3f && bytes[i] === 0x80);
    expect(refusal(without("multiMemory"), bytes)).toBe(
      `malformed module at byte 0x${at.toString(16)}: zero byte expected`,
    );
  });
});

describe("extendedConst: false", () => {
  const arithmetic = [
    "(module (global i32 (i32.add (i32.const 1) (i32.const 2))))",
    "(module (global i64 (i64.mul (i64.const 1) (i64.const 2))))",
    `(module (memory 1) (data (i32.sub (i32.const 2) (i32.const 1)) "a"))`,
    "(module (table 1 funcref) (elem (i32.mul (i32.const 0) (i32.const 1)) func $f) (func $f))",
  ];

  it("refuses arithmetic in constant expressions with 'constant expression required'", async () => {
    for (const text of arithmetic) {
      const bytes = await wat(text, { features: { extended_const: true } });
      expect(refusal(without("extendedConst"), bytes), text).toMatch(
        /^invalid module at byte 0x[0-9a-f]+: constant expression required/,
      );
      expectEngineDecides(bytes);
    }
  });

  it("accepts the constant expressions of WebAssembly 2.0", async () => {
    const bytes = await wat(`(module
      (import "" "g" (global $g i32)) (memory 1) (table 2 funcref) (func $f)
      (global i32 (global.get $g)) (global v128 (v128.const i32x4 1 2 3 4))
      (global funcref (ref.func $f)) (global externref (ref.null extern))
      (data (global.get $g) "a") (elem (i32.const 0) funcref (ref.func $f) (ref.null func)))`);
    expect(() => new Module(without("extendedConst"), bytes)).not.toThrow();
  });
});

describe("anyGlobalInConstExpr: false", () => {
  const defined = [
    "(module (global i32 (i32.const 0)) (global i32 (global.get 0)))",
    `(module (memory 1) (global i32 (i32.const 0)) (data (global.get 0) "a"))`,
    "(module (table 1 funcref) (global i32 (i32.const 0)) (elem (global.get 0) $f) (func $f))",
    "(module (table 1 funcref) (global funcref (ref.null func)) (elem (table 0) (i32.const 0) funcref (global.get 0)))",
  ];

  it("refuses global.get of a defined global with 'unknown global'", async () => {
    for (const text of defined) {
      const bytes = await wat(text, { validate: false });
      expect(refusal(without("anyGlobalInConstExpr"), bytes), text).toMatch(
        /^invalid module at byte 0x[0-9a-f]+: unknown global 0/,
      );
      expectEngineDecides(bytes);
    }
  });

  it("accepts global.get of an imported global", async () => {
    const bytes = await wat(`(module
      (import "" "g" (global i32)) (import "" "r" (global funcref))
      (memory 1) (table 1 funcref)
      (global i32 (global.get 0)) (data (global.get 0) "a")
      (elem (table 0) (global.get 0) funcref (global.get 1)))`);
    expect(() => new Module(without("anyGlobalInConstExpr"), bytes)).not.toThrow();
  });
});

describe("the instruction walker", () => {
  /** Where walking each function body of `bytes` stopped early: [body, opcode] pairs. */
  function stops(bytes: Uint8Array): [number, number][] {
    const found: [number, number][] = [];
    const r = new ByteReader(bytes, 8);
    while (!r.atEnd()) {
      const id = r.u8();
      const s = r.window(r.u32());
      if (id !== 10) continue;
      const count = s.u32();
      for (let i = 0; i < count; i++) {
        const body = s.window(s.u32());
        for (let groups = body.u32(); groups > 0; groups--) {
          body.u32();
          body.u8();
        }
        while (!body.atEnd()) {
          const op = body.u8();
          const immediates = IMMEDIATES[op];
          if (
            immediates === undefined ||
            !immediates(body, enabledFeatures({ multiMemory: false }))
          ) {
            found.push([i, op]);
            break;
          }
        }
      }
    }
    return found;
  }

  it("walks every instruction of WebAssembly 2.0 to the end of its body", async () => {
    const bytes = await wat(`(module
      (type $t (func (param i32) (result i32)))
      (memory 1) (table $tab 2 funcref) (global $g (mut i32) (i32.const 0))
      (data $d "abc") (elem $e func $f)
      (func $f (type $t) (local i64 f32 f64 v128 externref)
        i32.const 7 loop (type $t) end drop
        i32.const 5 i32.const 1 if (type $t) else end drop
        (drop (loop $l (result i32) (br_if $l (i32.const 0)) (i32.const 1)))
        (drop (block $b (result i32) (br_table $b $b (i32.const 0) (i32.const 0))))
        (drop (call_indirect $tab (type $t) (i32.const 3) (i32.const 0)))
        (drop (select (i32.const 1) (i32.const 2) (i32.const 0)))
        (drop (select (result i64) (i64.const 1) (i64.const -2) (i32.const 0)))
        (global.set $g (local.tee 0 (call $f (i32.const 0))))
        (drop (i64.extend_i32_s (i32.wrap_i64 (i64.const 0x7fffffffffffffff))))
        (drop (f32.sqrt (f32.const 1))) (drop (f64.neg (f64.const 1)))
        (drop (i32.extend8_s (i32.const 1)))
        (drop (ref.is_null (ref.null extern))) (drop (ref.func $f))
        (drop (i32.trunc_sat_f32_s (f32.const 1)))
        (memory.init $d (i32.const 0) (i32.const 0) (i32.const 0)) (data.drop $d)
        (memory.copy (i32.const 0) (i32.const 0) (i32.const 0))
        (memory.fill (i32.const 0) (i32.const 0) (i32.const 0))
        (table.init $tab $e (i32.const 0) (i32.const 0) (i32.const 0)) (elem.drop $e)
        (table.copy $tab $tab (i32.const 0) (i32.const 0) (i32.const 0))
        (drop (table.grow $tab (ref.null func) (i32.const 0))) (drop (table.size $tab))
        (table.fill $tab (i32.const 0) (ref.null func) (i32.const 0))
        (table.set $tab (i32.const 0) (table.get $tab (i32.const 1)))
        (drop (memory.grow (i32.const 0)))
        (i64.store32 offset=3 (i32.const 0) (i64.load16_u align=1 (i32.const 0)))
        (local.set 4 (v128.const i64x2 1 2))
        (local.set 4 (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
          (local.get 4) (local.get 4)))
        (local.set 4 (i8x16.swizzle (local.get 4) (i8x16.splat (i32.const 1))))
        (local.set 4 (v128.load8x8_s offset=2 (i32.const 0)))
        (local.set 4 (v128.load32_splat (i32.const 0)))
        (local.set 4 (v128.load64_zero (i32.const 0)))
        (local.set 4 (v128.load16_lane 7 (i32.const 0) (local.get 4)))
        (v128.store64_lane 1 (i32.const 0) (local.get 4))
        (v128.store (i32.const 0) (local.get 4))
        (drop (i8x16.extract_lane_u 15 (local.get 4)))
        (local.set 4 (f64x2.replace_lane 1 (local.get 4) (f64.const 2)))
        (local.set 4 (v128.bitselect (local.get 4) (local.get 4) (local.get 4)))
        (drop (i32x4.dot_i16x8_s (local.get 4) (local.get 4)))
        (drop (f64x2.convert_low_i32x4_u (local.get 4)))
        (drop (i64x2.all_true (local.get 4)))
        (i32.add (memory.size) (i32.load offset=8 align=2 (i32.const 0)))))`);
    expect(stops(bytes)).toEqual([]);
    expect(() => new Module(without("multiMemory"), bytes)).not.toThrow();
  });

  it("leaves the rest of a body to the engine after an instruction of a later proposal", () => {
    // An atomic (threads), then bytes the walker must not read as instructions.
    const bytes = bodyModule([0xfe, 0x03, 0x00, 0x3f, 0x80, 0x00]);
    expect(stops(bytes)).toEqual([[0, 0xfe]]);
    expect(stops(bodyModule([0xfd, 0x94, 0x02]))).toEqual([[0, 0xfd]]); // past relaxed SIMD
    expect(stops(bodyModule([0xfc, 0x12]))).toEqual([[0, 0xfc]]);
    expect(stops(bodyModule([0xfb, 0x1f]))).toEqual([[0, 0xfb]]);
  });

  it("walks the instructions of WebAssembly 3.0 to the end of a body", () => {
    const body = [
      ...[0x12, 0x00], // return_call 0
      ...[0xfd, 0x80, 0x02], // i8x16.relaxed_swizzle
      ...[0x1f, 0x40, 2, 0, 0, 0, 3, 1], // try_table (catch 0 0) (catch_all_ref 1)
      ...[0x0b], // end
      ...[0xfb, 0x18, 0x03, 0x00, 0x6e, 0x6c], // br_on_cast 0 anyref i31ref
      ...[0xd0, 0x6e], // ref.null any
      ...[0x14, 0x00], // call_ref 0
      ...[0x41, 0x00, 0x28, 0x02, 0x80, 0x80, 0x80, 0x80, 0x10], // i32.load offset=2^32
      ...[0x3f, 0x00, 0x1a], // memory.size, drop
    ];
    expect(stops(bodyModule(body))).toEqual([]);
  });

  it("knows exactly the vector opcodes of WebAssembly 2.0 the engine knows", () => {
    // Each 0xfd opcode from 0x5e up takes no immediate and one of a few stack shapes; an opcode
    // exists when the engine accepts it with one of them.
    const shapes: [args: number[], result: number][] = [];
    for (const args of [[0], [0, 1], [0, 2]])
      for (const result of [0x7b, 0x7f]) shapes.push([args, result]);
    for (let sub = 0x5e; sub <= 0xff; sub++) {
      const exists = shapes.some(([args, result]) => {
        const body = [0x00, ...args.flatMap((i) => [0x20, i]), 0xfd, ...leb(sub), 0x0b];
        const bytes = new ByteWriter()
          .bytes(HEADER)
          .section(1, (w) => w.bytes([1, 0x60, 3, 0x7b, 0x7b, 0x7f, 1, result]))
          .section(3, (w) => w.bytes([1, 0]))
          .section(10, (w) => w.u32(1).u32(body.length).bytes(body))
          .finish();
        return WebAssembly.validate(bytes);
      });
      expect(vectorKnown(sub), `0xfd 0x${sub.toString(16)}`).toBe(exists);
    }
  });
});

/** Whether the walker reads the 0xfd opcode `sub` (with no immediates) as an instruction. */
function vectorKnown(sub: number): boolean {
  const r = new ByteReader(new Uint8Array(leb(sub)));
  return (IMMEDIATES[0xfd] as NonNullable<(typeof IMMEDIATES)[number]>)(r, ALL_FEATURES);
}

function leb(value: number): number[] {
  return [...new ByteWriter().u32(value).finish()];
}

describe("the switches of WebAssembly 3.0 off", () => {
  /** A module with one type section entry `type` (bytes) and nothing else. */
  const typeModule = (type: number[]) =>
    new ByteWriter()
      .bytes(HEADER)
      .section(1, (w) => w.bytes([1, ...type]))
      .finish();
  /** A module of one function of type `type` whose body is `code` (locals `locals`). */
  const funcModule = (type: number[], code: number[], locals: number[] = [0]) => {
    const body = [...locals, ...code, 0x0b];
    return new ByteWriter()
      .bytes(HEADER)
      .section(1, (w) => w.bytes([1, ...type]))
      .section(3, (w) => w.bytes([1, 0]))
      .section(10, (w) => w.u32(1).u32(body.length).bytes(body))
      .finish();
  };
  const unitType = [0x60, 0, 0];

  it("memory64: refuses a 64-bit memory or table with 'integer too large'", () => {
    const memory = new ByteWriter()
      .bytes(HEADER)
      .section(5, (w) => w.bytes([1, 0x04, 1]))
      .finish();
    const table = new ByteWriter()
      .bytes(HEADER)
      .section(4, (w) => w.bytes([1, 0x70, 0x04, 1]))
      .finish();
    expect(refusal(without("memory64"), memory)).toMatch(/integer too large/);
    expect(refusal(without("memory64"), table)).toMatch(/integer too large/);
    expectEngineDecides(memory);
  });

  it("exceptions: refuses tags, exnref and the exception instructions", () => {
    const tags = new ByteWriter()
      .bytes(HEADER)
      .section(1, (w) => w.bytes([1, ...unitType]))
      .section(13, (w) => w.bytes([1, 0, 0]))
      .finish();
    expect(refusal(without("exceptions"), tags)).toMatch(/malformed section id/);
    expect(refusal(without("exceptions"), typeModule([0x60, 1, 0x69, 0]))).toMatch(
      /malformed value type/,
    );
    const tryTable = funcModule(unitType, [0x1f, 0x40, 0, 0x0b]);
    expect(refusal(without("exceptions"), tryTable)).toMatch(/illegal opcode/);
    expect(() => new Module(without("gc", "tailCall", "relaxedSimd"), tryTable)).not.toThrow(
      /illegal opcode/,
    );
  });

  it("gc: refuses struct types, GC reference types and the GC instructions", () => {
    expect(refusal(without("gc"), typeModule([0x5f, 1, 0x7f, 0]))).toMatch(
      /malformed function type/,
    );
    expect(refusal(without("gc"), typeModule([0x60, 1, 0x6e, 0]))).toMatch(/malformed value type/);
    expect(refusal(without("gc"), funcModule(unitType, [0xd0, 0x6e, 0x1a]))).toMatch(
      /malformed reference type/,
    );
    expect(refusal(without("gc"), funcModule(unitType, [], [1, 1, 0x6e]))).toMatch(
      /malformed value type/,
    );
    expect(refusal(without("gc"), funcModule(unitType, [0x41, 0, 0xfb, 0x1c, 0x1a]))).toMatch(
      /illegal opcode/,
    );
    // funcref and externref are WebAssembly 2.0's.
    const nullFunc = funcModule(unitType, [0xd0, 0x70, 0x1a]);
    expect(() => new Module(without("gc"), nullFunc)).not.toThrow();
  });

  it("tailCall and relaxedSimd: refuse their instructions with 'illegal opcode'", () => {
    const tail = funcModule(unitType, [0x12, 0x00]);
    expect(refusal(without("tailCall"), tail)).toMatch(/illegal opcode/);
    const relaxed = funcModule(
      [0x60, 2, 0x7b, 0x7b, 1, 0x7b],
      [0x20, 0, 0x20, 1, 0xfd, 0x80, 0x02],
    );
    expect(refusal(without("relaxedSimd"), relaxed)).toMatch(/illegal opcode/);
    expect(() => new Module(without("tailCall"), relaxed)).not.toThrow(/illegal opcode/);
    expectEngineDecides(tail);
  });

  it("WEBASSEMBLY_2_0 keeps every module of WebAssembly 2.0", () => {
    const engine = new Engine({ features: WEBASSEMBLY_2_0 });
    const body = [0x41, 0x00, 0x28, 0x02, 0x00, 0x1a, 0xd0, 0x70, 0xd1, 0x1a];
    const bytes = new ByteWriter()
      .bytes(HEADER)
      .section(1, (w) => w.bytes([1, ...unitType]))
      .section(3, (w) => w.bytes([1, 0]))
      .section(5, (w) => w.bytes([1, 0, 1]))
      .section(10, (w) =>
        w
          .u32(1)
          .u32(body.length + 2)
          .bytes([0, ...body, 0x0b]),
      )
      .finish();
    expect(() => new Module(engine, bytes)).not.toThrow();
  });
});
