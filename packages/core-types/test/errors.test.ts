import {
  ArityMismatchError,
  CompileError,
  type ErrorCode,
  ExportNotFoundError,
  LinkError,
  StoreMismatchError,
  TRAP_MESSAGES,
  Trap,
  type TrapCode,
  TypeMismatchError,
  typeName,
  UnsupportedFeatureError,
  Val,
  ValueRangeError,
  WasmcallError,
} from "@wasmcall/core-types";
import { describe, expect, it } from "vitest";

const cause = new Error("engine said no");

/** One instance of every error class, with the name and code it must carry. */
const errors: [string, ErrorCode, WasmcallError][] = [
  ["WasmcallError", "TRAP", new WasmcallError("TRAP", "base", { cause })],
  ["TypeMismatchError", "TYPE_MISMATCH", new TypeMismatchError("f param 0", "i32", "i64")],
  ["ArityMismatchError", "ARITY_MISMATCH", new ArityMismatchError("f", "arguments", 2, 3)],
  ["ValueRangeError", "VALUE_RANGE", new ValueRangeError("i32", 1.5, "not an integer")],
  ["StoreMismatchError", "STORE_MISMATCH", new StoreMismatchError("f used with another store")],
  ["Trap", "TRAP", new Trap("UNREACHABLE", "unreachable", { cause })],
  ["LinkError", "LINK", new LinkError("env", "f", "missing", { cause })],
  ["CompileError", "COMPILE", new CompileError("bad magic", { cause })],
  ["ExportNotFoundError", "EXPORT_NOT_FOUND", new ExportNotFoundError("f", "func", "memory", [])],
  [
    "UnsupportedFeatureError",
    "UNSUPPORTED_FEATURE",
    new UnsupportedFeatureError("Tag.create", "exception handling", "no WebAssembly.Tag", {
      cause,
    }),
  ],
];

describe("every error class", () => {
  it.each(errors)("%s sets name and code and is a WasmcallError and an Error", (name, code, e) => {
    expect(e.name).toBe(name);
    expect(e.code).toBe(code);
    expect(e).toBeInstanceOf(WasmcallError);
    expect(e).toBeInstanceOf(Error);
    expect(e.constructor.name).toBe(name);
    expect(String(e)).toBe(`${name}: ${e.message}`);
    expect(e.stack).toContain(name);
  });

  it.each(errors.filter(([, , e]) => e.cause !== undefined))(
    "%s keeps its cause",
    (_name, _code, e) => {
      expect(e.cause).toBe(cause);
    },
  );

  it("leaves cause unset when none is given", () => {
    expect("cause" in new Trap("UNREACHABLE", "unreachable")).toBe(false);
    expect(new CompileError("bad").cause).toBeUndefined();
    expect(new LinkError("m", "f", "missing").cause).toBeUndefined();
    expect(new TypeMismatchError("x", "i32", "f32").cause).toBeUndefined();
  });

  it("ExportNotFoundError names the export, the kind asked for and what there is", () => {
    const other = new ExportNotFoundError("mem", "func", "memory", ["mem"]);
    expect(other.message).toBe('export "mem": expected a func, found a memory');
    expect([other.exportName, other.expected, other.actual]).toEqual(["mem", "func", "memory"]);
    const none = new ExportNotFoundError("run", "global", undefined, ["add", "mem"]);
    expect(none.message).toBe('export "run": expected a global, found none (exports: add, mem)');
    expect(new ExportNotFoundError("x", "table", undefined, []).message).toContain(
      "(exports: none)",
    );
  });

  it("TypeMismatchError keeps a cause", () => {
    expect(new TypeMismatchError("x", "i32", "f32", { cause }).cause).toBe(cause);
  });

  it("are told apart by instanceof", () => {
    const trap = new Trap("UNREACHABLE", "unreachable");
    expect(trap).not.toBeInstanceOf(TypeMismatchError);
    expect(new TypeMismatchError("x", "i32", "f32")).not.toBeInstanceOf(Trap);
  });

  it("are caught by their class in a try/catch", () => {
    try {
      Val.i32(1.5);
      expect.unreachable();
    } catch (e) {
      expect(e instanceof WasmcallError && e.code === "VALUE_RANGE").toBe(true);
    }
  });
});

describe("messages", () => {
  it("ArityMismatchError reads '<subject>: expected N <what>, got M'", () => {
    const e = new ArityMismatchError("f", "arguments", 2, 3);
    expect(e.message).toBe("f: expected 2 arguments, got 3");
    expect(e.what).toBe("arguments");
    expect(e.expected).toBe(2);
    expect(e.actual).toBe(3);
    expect(new ArityMismatchError("g", "results", 1, 0).message).toBe(
      "g: expected 1 results, got 0",
    );
  });

  it("TypeMismatchError reads '<where>: expected <type>, found <type>'", () => {
    const e = new TypeMismatchError(
      "add param 1",
      "(func (param i32) (result i32))",
      "(func (param i64))",
    );
    expect(e.message).toBe(
      "add param 1: expected (func (param i32) (result i32)), found (func (param i64))",
    );
    expect(e.expected).toBe("(func (param i32) (result i32))");
    expect(e.actual).toBe("(func (param i64))");
  });

  it("ValueRangeError names the type and the value", () => {
    expect(new ValueRangeError("i32", 1.5, "not an integer").message).toBe(
      "invalid i32 value 1.5: not an integer",
    );
    expect(new ValueRangeError("i64", 2n ** 64n, "too big").message).toBe(
      "invalid i64 value 18446744073709551616n: too big",
    );
    expect(new ValueRangeError("i32", "7", "not a number").message).toBe(
      'invalid i32 value "7": not a number',
    );
    expect(new ValueRangeError("v128", new Uint8Array(3), "short").message).toBe(
      "invalid v128 value Uint8Array(3): short",
    );
    const e = new ValueRangeError("f32", 0.1, "inexact");
    expect(e.type).toBe("f32");
    expect(e.value).toBe(0.1);
  });

  it("LinkError names the import", () => {
    const e = new LinkError("env", "print", "unknown import");
    expect(e.message).toBe('import "env" "print": unknown import');
    expect(e.module).toBe("env");
    expect(e.field).toBe("print");
  });

  it("Trap reads 'wasm trap: <description>' and has a trapCode", () => {
    const e = new Trap("INTEGER_DIVIDE_BY_ZERO", "integer divide by zero");
    expect(e.message).toBe("wasm trap: integer divide by zero");
    expect(e.trapCode).toBe("INTEGER_DIVIDE_BY_ZERO");
    expect(e.code).toBe("TRAP");
  });
});

describe("TRAP_MESSAGES", () => {
  const specMessages = [
    "unreachable",
    "integer divide by zero",
    "integer overflow",
    "invalid conversion to integer",
    "out of bounds memory access",
    "undefined element",
    "uninitialized element",
    "indirect call type mismatch",
    "out of bounds table access",
    "call stack exhausted",
  ];

  it.each(specMessages)("covers the spec's trap message %j", (message) => {
    const codes = (Object.keys(TRAP_MESSAGES) as TrapCode[]).filter((code) =>
      TRAP_MESSAGES[code].includes(message),
    );
    expect(codes.length).toBeGreaterThan(0);
  });

  it("maps each code to its messages", () => {
    expect(TRAP_MESSAGES.UNREACHABLE).toEqual(["unreachable"]);
    expect(TRAP_MESSAGES.INTEGER_DIVIDE_BY_ZERO).toEqual(["integer divide by zero"]);
    expect(TRAP_MESSAGES.INTEGER_OVERFLOW).toEqual(["integer overflow"]);
    expect(TRAP_MESSAGES.BAD_CONVERSION_TO_INTEGER).toEqual(["invalid conversion to integer"]);
    expect(TRAP_MESSAGES.MEMORY_OUT_OF_BOUNDS).toEqual(["out of bounds memory access"]);
    expect(TRAP_MESSAGES.STACK_OVERFLOW).toEqual(["call stack exhausted"]);
    expect(TRAP_MESSAGES.TABLE_OUT_OF_BOUNDS).toContain("undefined element");
    expect(TRAP_MESSAGES.TABLE_OUT_OF_BOUNDS).toContain("out of bounds table access");
    expect(TRAP_MESSAGES.INDIRECT_CALL_TO_NULL).toContain("uninitialized element");
    expect(TRAP_MESSAGES.BAD_SIGNATURE).toContain("indirect call type mismatch");
    expect(TRAP_MESSAGES.BAD_INDIRECT_CALL).toEqual(
      expect.arrayContaining(["uninitialized element", "indirect call type mismatch"]),
    );
    expect(TRAP_MESSAGES.BAD_FLOAT_TO_INTEGER).toEqual(
      expect.arrayContaining(["invalid conversion to integer", "integer overflow"]),
    );
    expect(TRAP_MESSAGES.OUT_OF_BOUNDS).toEqual(
      expect.arrayContaining([
        "out of bounds memory access",
        "undefined element",
        "out of bounds table access",
      ]),
    );
    expect(TRAP_MESSAGES.NULL_REFERENCE).toEqual(
      expect.arrayContaining(["null structure reference", "null array reference"]),
    );
    expect(TRAP_MESSAGES.CAST_FAILURE).toEqual(["cast failure"]);
    expect(TRAP_MESSAGES.ARRAY_OUT_OF_BOUNDS).toEqual(["out of bounds array access"]);
    expect(TRAP_MESSAGES.UNKNOWN).toEqual([]);
  });

  it("has an entry for every trap code and none other", () => {
    expect(Object.keys(TRAP_MESSAGES).sort()).toEqual(
      [
        "UNREACHABLE",
        "CAST_FAILURE",
        "ARRAY_OUT_OF_BOUNDS",
        "ALLOCATION_TOO_LARGE",
        "INTEGER_DIVIDE_BY_ZERO",
        "INTEGER_OVERFLOW",
        "BAD_CONVERSION_TO_INTEGER",
        "BAD_FLOAT_TO_INTEGER",
        "MEMORY_OUT_OF_BOUNDS",
        "TABLE_OUT_OF_BOUNDS",
        "OUT_OF_BOUNDS",
        "INDIRECT_CALL_TO_NULL",
        "BAD_SIGNATURE",
        "BAD_INDIRECT_CALL",
        "NULL_REFERENCE",
        "STACK_OVERFLOW",
        "UNKNOWN",
      ].sort(),
    );
  });

  it("cannot be changed", () => {
    expect(Object.isFrozen(TRAP_MESSAGES)).toBe(true);
    for (const messages of Object.values(TRAP_MESSAGES)) {
      expect(Object.isFrozen(messages)).toBe(true);
    }
  });
});

describe("typeName", () => {
  it("names a Val by its wasm type, an object by its class, anything else by typeof", () => {
    expect(typeName(Val.i64(1n))).toBe("i64");
    expect(typeName(Val.funcref(null))).toBe("funcref");
    expect(typeName(new Map())).toBe("Map");
    expect(typeName({})).toBe("Object");
    expect(typeName(Object.create(null))).toBe("object");
    expect(typeName(null)).toBe("null");
    expect(typeName(undefined)).toBe("undefined");
    expect(typeName(1)).toBe("number");
    expect(typeName(1n)).toBe("bigint");
    expect(typeName("s")).toBe("string");
    expect(typeName(() => 1)).toBe("function");
  });
});

describe("UnsupportedFeatureError", () => {
  it("names the feature and what needed it", () => {
    const e = new UnsupportedFeatureError("Tag.create", "exception handling", "no WebAssembly.Tag");
    expect(e.feature).toBe("exception handling");
    expect(e.message).toBe(
      "Tag.create: the JavaScript engine lacks exception handling (no WebAssembly.Tag)",
    );
  });
});
