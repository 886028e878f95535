import { definedType, FuncType, refType } from "@wasmcall/core-types";
import { WASM3_MODULE } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { readModule } from "../src/binary/read-module.js";

describe("readModule on WebAssembly 3.0", () => {
  const info = readModule(WASM3_MODULE);
  const [base, derived, bytes, make, payload, catcher] = info.types;

  it("reads recursion groups of struct, array and function types with their supertypes", () => {
    expect(info.types.map((t) => t.composite.kind)).toEqual([
      "struct",
      "struct",
      "array",
      "func",
      "func",
      "func",
    ]);
    if (base === undefined || derived === undefined || bytes === undefined)
      throw new Error("types");
    expect(base.final).toBe(false);
    expect(base.supertype).toBeUndefined();
    expect(derived.final).toBe(true);
    expect(derived.supertype).toBe(base.name);
    const self = refType(derived.name, true);
    expect(base.composite).toEqual({
      kind: "struct",
      fields: [
        { storage: "i32", mutable: false },
        { storage: self, mutable: true },
      ],
    });
    expect(derived.composite).toEqual({
      kind: "struct",
      fields: [
        { storage: "i32", mutable: false },
        { storage: self, mutable: true },
        { storage: "i8", mutable: true },
      ],
    });
    expect(bytes.composite).toEqual({ kind: "array", element: { storage: "i8", mutable: true } });
    expect(definedType(base.name)).toBe(base);
  });

  it("types functions with every kind of reference", () => {
    const makeType = new FuncType(
      ["anyref", refType(base?.name as string, false)],
      [refType(bytes?.name as string, true)],
    );
    expect(make?.composite).toEqual({ kind: "func", type: makeType });
    expect(info.funcTypes).toEqual([makeType, new FuncType(["i32"], ["i32"])]);
    expect(catcher?.composite).toEqual({ kind: "func", type: info.funcTypes[1] });
    expect(String(makeType)).toMatch(
      /^\(anyref, \(ref \$struct\d+\)\) -> \(ref null \$array\d+\)$/,
    );
  });

  it("reads tags, 64-bit memories and tables, and tables with an initialiser", () => {
    const tag = { type: new FuncType(["i32"], []) };
    expect(info.imports).toEqual([
      { module: "env", name: "error", type: { kind: "tag", type: tag } },
    ]);
    const element = refType(base?.name as string, true);
    expect(info.exports).toEqual([
      { name: "make", type: { kind: "func", type: info.funcTypes[0] } },
      { name: "catch", type: { kind: "func", type: info.funcTypes[1] } },
      { name: "oops", type: { kind: "tag", type: tag } },
      { name: "mem", type: { kind: "memory", type: { min: 1, shared: false, address: "i64" } } },
      { name: "tab", type: { kind: "table", type: { element, min: 1, max: 10, address: "i64" } } },
      { name: "g", type: { kind: "global", type: { content: element, mutable: false } } },
    ]);
    expect(info.exportIndices).toEqual([0, 1, 1, 0, 0, 0]);
    expect(payload?.composite.kind).toBe("func");
  });

  it("gives the types of a module read twice the same names", () => {
    expect(readModule(WASM3_MODULE).types).toEqual(info.types);
    expect(readModule(WASM3_MODULE).types[0]).toBe(base);
  });

  it("refuses a function of a struct type, a type index out of the group, and two supertypes", () => {
    const read =
      (types: number[], rest: number[] = []) =>
      () =>
        readModule(
          new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, types.length, ...types, ...rest]),
        );
    expect(read([1, 0x5f, 0], [3, 2, 1, 0])).toThrow(
      "invalid module at byte 0x10: type 0 is a struct type, not a function type",
    );
    expect(read([1, 0x5f, 1, 0x63, 1, 0])).toThrow("malformed module at byte 0xe: unknown type 1");
    expect(read([2, 0x5f, 0, 0x50, 2, 0, 0, 0x5f, 0])).toThrow("multiple supertypes");
    expect(read([1, 0x5e, 0x76, 0])).toThrow("malformed value type 0x76");
    expect(read([1, 0x5f, 1, 0x7f, 2])).toThrow("malformed mutability 0x2");
  });
});
