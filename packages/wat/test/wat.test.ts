import { CompileError, TypeMismatchError } from "@wasmcall/core-types";
import { Engine, Module } from "@wasmcall/runtime";
import { compileWat, parserMessage, watToWasm } from "@wasmcall/wat";
import { describe, expect, it } from "vitest";

/** A module of WebAssembly 3.0: a struct type, an anyref parameter, a 64-bit memory, a tag. */
const WASM3 = `(module
  (type $point (struct (field i32) (field i32)))
  (memory i64 1)
  (tag $oops (param i32))
  (func (export "len") (param anyref) (result i32)
    (block $h (result i32)
      (try_table (result i32) (catch $oops $h) (throw $oops (i32.const 7))))))`;

describe("watToWasm", () => {
  it("assembles text of WebAssembly 3.0 into the module the engine reads", async () => {
    const bytes = await watToWasm(WASM3);
    expect([...bytes.subarray(0, 8)]).toEqual([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    const supported = WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>);
    const engine = new Engine();
    if (supported) {
      const module = new Module(engine, bytes);
      expect(module.exports().map((e) => e.name)).toEqual(["len"]);
    } else {
      expect(() => new Module(engine, bytes)).toThrow(CompileError);
    }
  });

  it("takes the fields of a module alone, and assembles invalid modules for the engine to refuse", async () => {
    const fields = await watToWasm('(func (export "f") (result i32) (i64.const 1))');
    expect(WebAssembly.validate(fields as Uint8Array<ArrayBuffer>)).toBe(false);
    await expect(
      compileWat(new Engine(), '(func (export "f") (result i32) (i64.const 1))'),
    ).rejects.toThrow(CompileError);
  });

  it("refuses malformed text with a CompileError naming where the parser stopped", async () => {
    const error = await watToWasm("(module\n  (func (i32.bogus)))").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompileError);
    expect((error as CompileError).message).toBe(
      "malformed text: unknown operator or unexpected token (line 2, column 10)",
    );
    expect((error as CompileError).cause).toBeInstanceOf(Error);
  });

  it("refuses what is not a string, before anything runs", async () => {
    await expect(watToWasm(new Uint8Array([0]) as unknown as string)).rejects.toThrow(
      TypeMismatchError,
    );
  });
});

describe("compileWat", () => {
  it("gives a Module of the engine", async () => {
    const engine = new Engine();
    const module = await compileWat(engine, '(module (func (export "nop")))');
    expect(module).toBeInstanceOf(Module);
    expect(module.exports().map((e) => e.name)).toEqual(["nop"]);
  });
});

describe("parserMessage", () => {
  it("reads the parser's words and 1-based position out of its debug text", () => {
    const debug =
      'Error { kind: Wast(Error { inner: ErrorInner { text: Some(Text { line: 0, col: 15, snippet: "x" }), kind: Custom("unknown operator") } }) }';
    expect(parserMessage(debug)).toBe("unknown operator (line 1, column 16)");
    expect(parserMessage("something else")).toBe("something else");
  });
});

describe("the CommonJS build", () => {
  it("is the same API, loaded with require", async () => {
    const { createRequire } = await import("node:module");
    const require = createRequire(import.meta.url);
    const cjs = require("@wasmcall/wat") as typeof import("@wasmcall/wat");
    const bytes = await cjs.watToWasm('(module (func (export "f")))');
    expect(WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>)).toBe(true);
    // The CommonJS copy of core-types has its own CompileError class.
    await expect(cjs.watToWasm("(module (bogus))")).rejects.toMatchObject({
      name: "CompileError",
      code: "COMPILE",
    });
  });
});
