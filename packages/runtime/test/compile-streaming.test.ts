import { CompileError, FuncType, Val } from "@wasmcall/core-types";
import { Engine, Func, Global, Instance, Module, Store } from "@wasmcall/runtime";
import { type WatFeatures, wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { ModuleStream } from "../src/binary/module-stream.js";
import { readModule } from "../src/binary/read-module.js";
import { ALL_FEATURES } from "../src/features.js";

const WASM = { "content-type": "application/wasm" };

/** Imports, a table holding a function that is not exported, memory and data. */
const MODULE = `(module
  (import "env" "g" (global i32))
  (import "env" "twice" (func $twice (param i32) (result i32)))
  (memory 1)
  (table $t 2 funcref)
  (elem (i32.const 0) func $double $twice)
  (func $double (export "double") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
  (func $hidden (result i32) (i32.const 7))
  (func (export "table_get") (param i32) (result funcref) (table.get $t (local.get 0)))
  (data (i32.const 0) "hello"))`;

/** Modules of several shapes, as text. */
const SHAPES: Record<string, string> = {
  "exports and imports": MODULE,
  "no export section, functions": `(module (func (result i32) i32.const 1) (func))`,
  "no export section, a start function": `(module (func $s) (start $s) (memory 1) (data (i32.const 0) "x"))`,
  "no functions at all": `(module (memory 1) (export "m" (memory 0)))`,
  "nothing but the header": `(module)`,
};

/** `bytes` with a custom section after the header and another at the end. */
function withCustomSections(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const custom = (name: string) => [
    0x00,
    name.length + 4,
    name.length,
    ...name.split("").map((c) => c.charCodeAt(0)),
    1,
    2,
    3,
  ];
  return new Uint8Array([
    ...bytes.subarray(0, 8),
    ...custom("first"),
    ...bytes.subarray(8),
    ...custom("last"),
  ]);
}

/** A stream of `bytes` cut into chunks of the sizes `sizes` gives, in turn. */
function streamOf(bytes: Uint8Array, sizes: () => number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      const end = Math.min(bytes.length, at + Math.max(1, sizes()));
      controller.enqueue(bytes.slice(at, end));
      at = end;
    },
  });
}

/** A deterministic generator of numbers in 0..n-1. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

/** The ways a body is cut: whole, byte by byte, and in random pieces. */
const CUTS: Record<string, () => () => number> = {
  whole: () => () => Number.MAX_SAFE_INTEGER,
  "byte by byte": () => () => 1,
  "random pieces": () => {
    const next = random(42);
    return () => 1 + next(9);
  },
};

/** The bytes `ModuleStream` passes on of `bytes` delivered in chunks of `sizes`, and its stream. */
async function passed(
  bytes: Uint8Array,
  sizes: () => number,
): Promise<{ out: Uint8Array; stream: ModuleStream }> {
  const stream = new ModuleStream(ALL_FEATURES);
  const out = streamOf(bytes, sizes).pipeThrough(new TransformStream(stream));
  return { out: new Uint8Array(await new Response(out).arrayBuffer()), stream };
}

/** The message the engine's own `compileStreaming` rejects `bytes` with. */
async function engineRefusal(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  try {
    await WebAssembly.compileStreaming(new Response(bytes, { headers: WASM }));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("the engine compiled the bytes");
}

/** What compiling in the stream rejects with; fails the test when it compiles. */
async function rejection(source: Response | Promise<Response>, engine = new Engine()) {
  try {
    await Module.compileStreaming(engine, source);
  } catch (e) {
    expect(e).toBeInstanceOf(CompileError);
    return e as CompileError;
  }
  throw new Error("the response compiled");
}

/** Checks that `a` and `b` describe the same module. */
function expectSameModule(a: Module, b: Module, what = ""): void {
  expect(a.imports(), what).toEqual(b.imports());
  expect(a.exports(), what).toEqual(b.exports());
  expect(a.funcTypes, what).toEqual(b.funcTypes);
  expect(a.exportIndices, what).toEqual(b.exportIndices);
  expect(WebAssembly.Module.exports(a.js), what).toEqual(WebAssembly.Module.exports(b.js));
}

describe("ModuleStream", () => {
  it("passes the very bytes on and reads what readModule reads, however the body is cut", async () => {
    for (const [shape, text] of Object.entries(SHAPES)) {
      for (const bytes of [await wat(text), withCustomSections(await wat(text))]) {
        for (const [cut, sizes] of Object.entries(CUTS)) {
          const { out, stream } = await passed(bytes, sizes());
          expect(out, `${shape}, ${cut}`).toEqual(bytes);
          expect(stream.failure ?? stream.refusal, `${shape}, ${cut}`).toBeUndefined();
          expect(stream.info(), `${shape}, ${cut}`).toEqual(readModule(bytes));
        }
      }
    }
  });

  it("passes malformed bytes on, unread, keeping why it could not read them", async () => {
    const bytes = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 14, 0, 1, 2, 3]);
    const { out, stream } = await passed(bytes, () => 1);
    expect(out).toEqual(bytes);
    expect(stream.failure).toBeUndefined();
    expect(stream.refusal?.message).toBe("malformed module at byte 0x8: malformed section id 14");
  });
});

describe("Module.compileStreaming", () => {
  it("compiles what new Module compiles, however the body is cut", async () => {
    const engine = new Engine();
    for (const [shape, text] of Object.entries(SHAPES)) {
      const bytes = withCustomSections(await wat(text));
      const expected = new Module(engine, bytes);
      for (const [cut, sizes] of Object.entries(CUTS)) {
        const response = new Response(streamOf(bytes, sizes()), { headers: WASM });
        const module = await Module.compileStreaming(engine, response);
        expect(module.engine).toBe(engine);
        expectSameModule(module, expected, `${shape}, ${cut}`);
      }
    }
  });

  it("takes a promise of a response, and gives a module that instantiates and runs", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const bytes = await wat(MODULE);
    const module = await Module.compileStreaming(
      engine,
      Promise.resolve(new Response(bytes, { headers: WASM })),
    );
    const g = Global.create(store, { content: "i32", mutable: false }, Val.i32(1));
    const twice = Func.host(store, engine.funcType(["i32"], ["i32"]), (params, results) => {
      results[0] = Val.i32((params[0] as Val).i32() * 2);
    });
    const instance = await Instance.instantiate(store, module, [g, twice]);
    const double = instance.getFunc("double") as Func;
    store.slots.write(0, Val.i32(21));
    double.callRaw();
    expect(store.slots.read(0, "i32").i32()).toBe(42);
    const tableGet = instance.getFunc("table_get") as Func;
    store.slots.write(0, Val.i32(1));
    tableGet.callRaw();
    expect(store.slots.read(0, "funcref").funcref()).toBe(twice);
    store.slots.write(0, Val.i32(0));
    tableGet.callRaw();
    expect(store.slots.read(0, "funcref").funcref()).toBe(double);
    expect(double.ty()).toBe(engine.intern(new FuncType(["i32"], ["i32"])));
  });

  it("refuses a response whose status is not ok", async () => {
    const bytes = await wat(MODULE);
    const e = await rejection(
      new Response(bytes, { status: 404, statusText: "Not Found", headers: WASM }),
    );
    expect(e.message).toBe("cannot compile a response with HTTP status 404 Not Found");
  });

  it("refuses a content type the engine refuses, with the engine's reason", async () => {
    const bytes = await wat(MODULE);
    for (const headers of [{}, { "content-type": "text/html" }] as HeadersInit[]) {
      const e = await rejection(new Response(bytes, { headers }));
      expect(e.message).toMatch(/^cannot compile the response: .*MIME type/);
      expect(e.cause).toBeInstanceOf(TypeError);
    }
  });

  it("refuses a response whose body was read, has none, or never came", async () => {
    const used = new Response(await wat(MODULE), { headers: WASM });
    await used.arrayBuffer();
    expect((await rejection(used)).message).toBe("the response's body has been read already");
    expect((await rejection(new Response(null, { headers: WASM }))).message).toBe(
      "the response has no body",
    );
    const failure = new TypeError("fetch failed");
    const e = await rejection(Promise.reject(failure));
    expect(e.message).toBe("no response to compile: fetch failed");
    expect(e.cause).toBe(failure);
  });

  it("refuses malformed bytes, and a body cut inside a section, as the engine does", async () => {
    const module = await wat(MODULE);
    const cases = [
      [0x00, 0x61, 0x73, 0x6e, 1, 0, 0, 0],
      [0x00, 0x61, 0x73, 0x6d, 2, 0, 0, 0],
      [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 14, 0],
      [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 0x80, 0x80, 0x80, 0x80, 0x80],
      [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 0x80],
      [...module.slice(0, module.length - 3)],
    ];
    for (const bytes of cases.map((c) => new Uint8Array(c))) {
      const e = await rejection(new Response(bytes, { headers: WASM }));
      expect(e.message, `${bytes}`).toBe(await engineRefusal(bytes));
      expect(e.cause, `${bytes}`).toBeInstanceOf(WebAssembly.CompileError);
    }
  });

  it("refuses a body cut short anywhere, as new Module refuses the same bytes", async () => {
    const engine = new Engine();
    const bytes = await wat(MODULE);
    for (let length = 0; length < bytes.length; length++) {
      const prefix = bytes.slice(0, length);
      let sync: string | undefined;
      try {
        new Module(engine, prefix);
      } catch (e) {
        sync = (e as Error).message;
      }
      const streamed = Module.compileStreaming(engine, new Response(prefix, { headers: WASM }));
      if (sync === undefined) {
        await expect(streamed, `${length} bytes`).resolves.toBeInstanceOf(Module);
      } else {
        await expect(streamed, `${length} bytes`).rejects.toBeInstanceOf(CompileError);
      }
    }
  });

  it("refuses a body that fails on the way, with the body's error as cause", async () => {
    const bytes = await wat(MODULE);
    const failure = new Error("connection reset");
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 20));
        controller.error(failure);
      },
    });
    const e = await rejection(new Response(body, { headers: WASM }));
    expect(e.message).toBe("reading the response failed: connection reset");
    expect(e.cause).toBe(failure);
  });

  it("refuses a body of something else than bytes", async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue("\0asm");
        controller.close();
      },
    });
    const e = await rejection(new Response(body as ReadableStream<Uint8Array>, { headers: WASM }));
    expect(e.message).toBe("expected chunks of bytes in the stream, got string");
  });

  it("refuses an invalid module with the engine's error as cause", async () => {
    const bytes = await wat(`(module (func (result i32) i64.const 1))`, { validate: false });
    const e = await rejection(new Response(bytes, { headers: WASM }));
    expect(e.cause).toBeInstanceOf(WebAssembly.CompileError);
    expect(e.message).toBe((e.cause as Error).message);
  });

  it("refuses what the engine's features switch off, as new Module does", async () => {
    const strict = new Engine({ features: { multiMemory: false, anyGlobalInConstExpr: false } });
    const cases = [
      await wat("(module (memory 0) (memory 0))", {
        features: { multi_memory: true } as WatFeatures,
      }),
      await wat(`(module (memory 1) (global i32 (i32.const 0)) (data (global.get 0) "a"))`, {
        validate: false,
      }),
    ];
    for (const bytes of cases) {
      let sync = "";
      try {
        new Module(strict, bytes);
      } catch (e) {
        sync = (e as Error).message;
      }
      for (const sizes of Object.values(CUTS)) {
        const response = new Response(streamOf(bytes, sizes()), { headers: WASM });
        expect((await rejection(response, strict)).message).toBe(sync);
      }
    }
  });

  describe("where the engine has no WebAssembly.compileStreaming", () => {
    async function withoutCompileStreaming(test: () => Promise<void>): Promise<void> {
      const original = WebAssembly.compileStreaming;
      Reflect.deleteProperty(WebAssembly, "compileStreaming");
      try {
        await test();
      } finally {
        WebAssembly.compileStreaming = original;
      }
    }

    it("reads the whole body, then compiles it, whatever its content type", async () => {
      const engine = new Engine();
      const bytes = await wat(MODULE);
      await withoutCompileStreaming(async () => {
        const module = await Module.compileStreaming(engine, new Response(bytes));
        expectSameModule(module, new Module(engine, bytes));
      });
    });

    it("refuses bad responses and bad bytes as well", async () => {
      const bytes = await wat(MODULE);
      await withoutCompileStreaming(async () => {
        await expect(rejection(new Response(bytes, { status: 500 }))).resolves.toBeInstanceOf(
          CompileError,
        );
        const cut = await rejection(new Response(bytes.slice(0, bytes.length - 3)));
        expect(cut.message).toMatch(/^malformed module at byte|WebAssembly/);
        const failure = new Error("connection reset");
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.error(failure);
          },
        });
        const e = await rejection(new Response(body));
        expect(e.message).toBe("reading the response failed: connection reset");
      });
    });
  });
});
