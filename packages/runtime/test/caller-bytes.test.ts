import { CompileError } from "@wasmcall/core-types";
import { Engine, type Func, Instance, Module, Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { ModuleBuilder } from "../src/binary/module-builder.js";
import { OP } from "../src/binary/wasm-encoding.js";

const WASM = { "content-type": "application/wasm" };

/** The three ways to compile, each with the engine's own way to compile the same bytes. */
const WAYS = {
  sync: {
    compile: async (engine: Engine, bytes: Uint8Array<ArrayBuffer>) => new Module(engine, bytes),
    engine: async (bytes: Uint8Array<ArrayBuffer>) => new WebAssembly.Module(bytes),
  },
  async: {
    compile: (engine: Engine, bytes: Uint8Array<ArrayBuffer>) => Module.compile(engine, bytes),
    engine: (bytes: Uint8Array<ArrayBuffer>) => WebAssembly.compile(bytes),
  },
  streaming: {
    compile: (engine: Engine, bytes: Uint8Array<ArrayBuffer>) =>
      Module.compileStreaming(engine, new Response(bytes, { headers: WASM })),
    engine: (bytes: Uint8Array<ArrayBuffer>) =>
      WebAssembly.compileStreaming(new Response(bytes, { headers: WASM })),
  },
};

/** What `promise` rejects with; fails the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("it compiled");
}

/** A module of `count` functions `() -> i32`, function `i` returning `i`; only the last exported. */
function manyFunctions(count: number): Uint8Array<ArrayBuffer> {
  const b = new ModuleBuilder();
  const type = b.type([], ["i32"]);
  for (let i = 0; i < count; i++) b.func(type, [], (w) => w.byte(OP.i32Const).s32(i));
  b.export("last", "func", count - 1);
  return b.finish() as Uint8Array<ArrayBuffer>;
}

describe("Module compiles the caller's bytes as they are", () => {
  it("compiles a module of 100,000 functions and one export, whose export is callable", async () => {
    const bytes = manyFunctions(100_000);
    const engine = new Engine();
    for (const [way, { compile }] of Object.entries(WAYS)) {
      const module = await compile(engine, bytes);
      expect(module.funcTypes, way).toHaveLength(100_000);
      expect(WebAssembly.Module.exports(module.js), way).toEqual([
        { name: "last", kind: "function" },
      ]);
      const store = new Store(engine);
      const last = new Instance(store, module, []).getFunc("last") as Func;
      last.callRaw();
      expect(store.slots.read(0, "i32").i32(), way).toBe(99_999);
    }
    // Three compilations of 100,000 functions: over vitest's 5 s on a loaded 2-core machine.
  }, 60_000);

  it("refuses a ref.func of an undeclared function as the engine does", async () => {
    const undeclared = await wat(`(module (func $f) (func (drop (ref.func $f))))`, {
      validate: false,
    });
    expect(WebAssembly.validate(undeclared)).toBe(false);
    const engine = new Engine();
    for (const [way, ways] of Object.entries(WAYS)) {
      const expected = (await rejectionOf(ways.engine(undeclared))) as Error;
      expect(expected, way).toBeInstanceOf(WebAssembly.CompileError);
      const e = await rejectionOf(ways.compile(engine, undeclared));
      expect(e, way).toBeInstanceOf(CompileError);
      expect((e as CompileError).message, way).toBe(expected.message);
      expect((e as CompileError).cause, way).toBeInstanceOf(WebAssembly.CompileError);
    }
  });

  it("compiles a ref.func of a declared, exported or element function, as the engine does", async () => {
    const engine = new Engine();
    for (const declaration of [
      `(elem declare func $f)`,
      `(export "f" (func $f))`,
      `(table 1 funcref) (elem (i32.const 0) $f)`,
    ]) {
      const bytes = await wat(`(module (func $f) ${declaration} (func (drop (ref.func $f))))`);
      for (const [way, { compile }] of Object.entries(WAYS)) {
        await expect(compile(engine, bytes), `${way}: ${declaration}`).resolves.toBeInstanceOf(
          Module,
        );
      }
    }
  });

  it("compiles exports of any name", async () => {
    const bytes = await wat(
      `(module (func (export "\\00wasmcall:func:0") (result i32) i32.const 5))`,
    );
    const engine = new Engine();
    for (const [way, { compile }] of Object.entries(WAYS)) {
      const module = await compile(engine, bytes);
      const store = new Store(engine);
      const f = new Instance(store, module, []).getFunc("\u0000wasmcall:func:0") as Func;
      f.callRaw();
      expect(store.slots.read(0, "i32").i32(), way).toBe(5);
    }
  });

  it("gives the engine's message, offset included, for an invalid module", async () => {
    const invalid = await wat(
      `(module
        (type (func (param i32) (result i32)))
        (func (export "ok") (type 0) local.get 0)
        (func (export "bad") (result i32) i64.const 1))`,
      { validate: false },
    );
    const engine = new Engine();
    for (const [way, ways] of Object.entries(WAYS)) {
      const expected = (await rejectionOf(ways.engine(invalid))) as Error;
      const e = await rejectionOf(ways.compile(engine, invalid));
      expect(e, way).toBeInstanceOf(CompileError);
      expect((e as CompileError).message, way).toBe(expected.message);
    }
  });
});

describe("Module.compileStreaming", () => {
  it("refuses what is not a response, or a promise of one, with a CompileError", async () => {
    const engine = new Engine();
    const bytes = await wat(`(module)`);
    const sources: [unknown, string][] = [
      [null, "null"],
      [undefined, "undefined"],
      [bytes, "Uint8Array"],
      [{ ok: true, body: null }, "Object"],
      [Promise.resolve(null), "null"],
      [Promise.resolve(bytes), "Uint8Array"],
    ];
    for (const [source, found] of sources) {
      const e = await rejectionOf(Module.compileStreaming(engine, source as Response));
      expect(e, found).toBeInstanceOf(CompileError);
      expect((e as CompileError).message, found).toBe(
        `Module.compileStreaming: expected a Response or a promise of one, found ${found}`,
      );
    }
  });

  it("runs nothing of a source that is not a response", async () => {
    const engine = new Engine();
    let read = false;
    const source = {
      get ok() {
        read = true;
        return true;
      },
    };
    await expect(Module.compileStreaming(engine, source as unknown as Response)).rejects.toThrow(
      CompileError,
    );
    expect(read).toBe(false);
  });
});
