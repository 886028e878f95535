import { CompileError, Val } from "@wasmcall/core-types";
import { Engine, Instance, Linker, Module, Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { expectSameVals, invoke } from "./support/call.js";
import { exportedFunc } from "./support/instantiate.js";

/**
 * The size browsers allow to compile or instantiate synchronously on their main thread
 * (Chromium: a module of more bytes is refused with a RangeError).
 */
const SYNC_LIMIT = 8 * 1024 * 1024;

/** The size of the big module's data segment: enough to make the module exceed the limit. */
const DATA_SIZE = SYNC_LIMIT + 512 * 1024;

/** The byte at `offset` of the data segment. */
const byteAt = (offset: number) => (offset * 31 + 7) & 0xff;

/** The WebAssembly header of a response that holds a module. */
const WASM = { "content-type": "application/wasm" };

/**
 * A module over 8 MiB: one data segment of DATA_SIZE bytes at offset 0, and `byte_at(offset)`
 * that loads one of them. Its first sections come from the text format; the data section (the
 * last section of a module) is appended.
 */
async function bigModule(): Promise<Uint8Array<ArrayBuffer>> {
  const pages = Math.ceil(DATA_SIZE / 65536);
  const head = await wat(`(module
    (memory ${pages})
    (func (export "byte_at") (param i32) (result i32) (i32.load8_u (local.get 0))))`);
  const segment = [0x01, 0x00, 0x41, 0x00, 0x0b, ...leb(DATA_SIZE)]; // 1 segment, active at 0
  const content = segment.length + DATA_SIZE;
  const section = [0x0b, ...leb(content), ...segment];
  const bytes = new Uint8Array(head.length + section.length + DATA_SIZE);
  bytes.set(head, 0);
  bytes.set(section, head.length);
  const data = head.length + section.length;
  for (let i = 0; i < DATA_SIZE; i++) bytes[data + i] = byteAt(i);
  return bytes;
}

function leb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    const b = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? b : b | 0x80);
  } while (v !== 0);
  return out;
}

const BIG = await bigModule();
const engine = new Engine();
const compiled = await Module.compile(engine, BIG);
const streamed = await Module.compileStreaming(engine, new Response(BIG, { headers: WASM }));

/** Offsets read back through every strategy: the first, last and some in between. */
const OFFSETS = [0, 1, 65535, SYNC_LIMIT, DATA_SIZE - 1];

describe("a module over 8 MiB, compiled and instantiated asynchronously", () => {
  it("is larger than browsers compile synchronously on their main thread", () => {
    expect(BIG.length).toBeGreaterThan(SYNC_LIMIT);
  });

  it("has the same exports, compiled from bytes or from a response's stream", () => {
    expect(compiled.exports()).toEqual(streamed.exports());
    expect(streamed.exports().map((e) => e.name)).toEqual(["byte_at"]);
  });

  for (const strategy of STRATEGIES) {
    it(`calls a function of it through ${strategy.name}`, async () => {
      const store = new Store(engine);
      const instances = [
        await Instance.instantiate(store, compiled, []),
        await new Linker(engine).instantiateAsync(store, streamed),
      ];
      for (const instance of instances) {
        const caller = strategy.prepare(store, exportedFunc(instance, "byte_at"));
        for (const offset of OFFSETS) {
          expectSameVals(invoke(caller, [Val.i32(offset)]), [Val.i32(byteAt(offset))]);
        }
      }
    });
  }
});

/** How long the engine may take to settle the compile of a few bytes. */
const ENGINE_SETTLE_MS = 2_000;

/** The engine's compile of a few bytes did not settle within ENGINE_SETTLE_MS. */
class EngineUnsettled extends Error {
  override name = "EngineUnsettled";
}

describe("Module.compileStreaming refuses bad responses with a CompileError", () => {
  const SMALL = wat(`(module (func (export "f") (result i32) i32.const 1))`);

  async function rejection(source: Response | Promise<Response>): Promise<CompileError> {
    try {
      await Module.compileStreaming(new Engine(), source);
    } catch (e) {
      expect(e).toBeInstanceOf(CompileError);
      return e as CompileError;
    }
    throw new Error("the response compiled");
  }

  it("when its status is not ok", async () => {
    const response = new Response(await SMALL, { status: 404, headers: WASM });
    expect((await rejection(response)).message).toMatch(/HTTP status 404/);
  });

  it("when no response comes", async () => {
    const e = await rejection(Promise.reject(new Error("offline")));
    expect(e.message).toBe("no response to compile: offline");
  });

  /**
   * The engine's own error for `bytes` compiled as Module.compileStreaming compiles them. An
   * engine that has not settled after ENGINE_SETTLE_MS never will (Firefox ESR 140's
   * `compileStreaming` of a body that ends inside the code section): that is thrown, naming it.
   */
  async function engineError(bytes: Uint8Array<ArrayBuffer>): Promise<Error> {
    const streaming = typeof WebAssembly.compileStreaming === "function";
    const compiling = streaming
      ? WebAssembly.compileStreaming(new Response(bytes, { headers: WASM }))
      : WebAssembly.compile(bytes);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsettled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const api = streaming ? "compileStreaming" : "compile";
        reject(
          new EngineUnsettled(`WebAssembly.${api} did not settle within ${ENGINE_SETTLE_MS} ms`),
        );
      }, ENGINE_SETTLE_MS);
    });
    try {
      await Promise.race([compiling, unsettled]);
    } catch (e) {
      if (e instanceof EngineUnsettled) throw e;
      return e as Error;
    } finally {
      clearTimeout(timer);
    }
    throw new Error("the engine compiled the bytes");
  }

  it("when its bytes are malformed, with the engine's error", async () => {
    const bytes = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x0e, 0x00]);
    const e = await rejection(new Response(bytes, { headers: WASM }));
    expect(e.message).toBe((await engineError(bytes)).message);
    expect(e.cause).toBeInstanceOf(WebAssembly.CompileError);
  });

  it("when its body ends inside the module, with the engine's error", async () => {
    const bytes = (await SMALL).slice(0, -2);
    // The engine's error first: an engine that never settles leaves Module.compileStreaming,
    // which hands it the body, unsettled too.
    const expected = await engineError(bytes);
    const e = await rejection(new Response(bytes, { headers: WASM }));
    expect(e.message).toBe(expected.message);
    expect(e.cause).toBeInstanceOf(WebAssembly.CompileError);
  });

  it("when it is not a response", async () => {
    for (const source of [null, Promise.resolve(null)]) {
      const e = await rejection(source as unknown as Response);
      expect(e.message).toBe(
        "Module.compileStreaming: expected a Response or a promise of one, found null",
      );
    }
  });

  it("when its body fails on the way", async () => {
    const bytes = await SMALL;
    const failure = new Error("connection reset");
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 12));
        controller.error(failure);
      },
    });
    const e = await rejection(new Response(body, { headers: WASM }));
    expect(e.message).toBe("reading the response failed: connection reset");
    expect(e.cause).toBe(failure);
  });
});
