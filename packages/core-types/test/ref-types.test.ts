import {
  ABSTRACT_HEAP_TYPES,
  definedType,
  FuncType,
  isHeapSubtype,
  isRefType,
  isSubtype,
  isValType,
  refParts,
  refType,
  registerRecGroup,
  type TypeDraft,
  TypeMismatchError,
  Val,
  type ValType,
} from "@wasmcall/core-types";
import { describe, expect, it } from "vitest";

/** A struct type of `fields` (immutable), with an optional supertype, final unless one is given. */
function struct(fields: string[], supertype?: string, final = true): TypeDraft {
  return {
    composite: { kind: "struct", fields: fields.map((storage) => ({ storage, mutable: false })) },
    supertype,
    final,
  };
}

describe("reference types of WebAssembly 3.0", () => {
  it("write every nullable abstract type the short way and every other one in full", () => {
    expect(ABSTRACT_HEAP_TYPES.map((h) => refType(h, true))).toEqual([
      "funcref",
      "nullfuncref",
      "externref",
      "nullexternref",
      "anyref",
      "eqref",
      "i31ref",
      "structref",
      "arrayref",
      "nullref",
      "exnref",
      "nullexnref",
    ]);
    expect(refType("i31", false)).toBe("(ref i31)");
    expect(refType("none", false)).toBe("(ref none)");
  });

  it("are value types in their one canonical form only", () => {
    for (const h of ABSTRACT_HEAP_TYPES) {
      for (const nullable of [true, false]) {
        const t = refType(h, nullable);
        expect(isValType(t), t).toBe(true);
        expect(isRefType(t)).toBe(true);
        expect(refParts(t)).toEqual({ heap: h, nullable });
      }
    }
    for (const t of [
      "(ref null any)",
      "(ref  any)",
      "(ref anything)",
      "ref any",
      "(ref $struct999999)",
      "anyref ",
      "i8",
    ]) {
      expect(isValType(t), t).toBe(false);
      expect(refParts(t), t).toBeUndefined();
    }
    for (const t of ["i32", "i64", "f32", "f64", "v128"] as const) expect(isRefType(t)).toBe(false);
  });

  it("type function signatures, printed as WAT", () => {
    const t = new FuncType(["anyref", "(ref i31)", "i32"], ["nullexnref"]);
    expect(t.toWat()).toBe("(func (param anyref (ref i31) i32) (result nullexnref))");
    expect(String(t)).toBe("(anyref, (ref i31), i32) -> nullexnref");
    expect(() => new FuncType(["(ref null any)" as ValType], [])).toThrow(TypeMismatchError);
  });

  it("give nullable types a null default and non-nullable ones none", () => {
    expect(Val.default("anyref").ref).toBeNull();
    expect(Val.default("anyref").type).toBe("anyref");
    expect(Val.default("nullexnref").type).toBe("nullexnref");
    expect(() => Val.default("(ref any)")).toThrow(/nullable reference/);
  });
});

describe("the type registry", () => {
  it("names the types of a recursion group and resolves references within it", () => {
    const [list] = registerRecGroup([struct(["i32", "(ref null $rec.0)"])]);
    if (list === undefined) throw new Error("no type");
    expect(list.name).toMatch(/^\$struct\d+$/);
    expect(definedType(list.name)).toBe(list);
    const self = refType(list.name, true);
    expect(isValType(self)).toBe(true);
    expect(list.composite).toEqual({
      kind: "struct",
      fields: [
        { storage: "i32", mutable: false },
        { storage: self, mutable: false },
      ],
    });
    expect(refParts(self)).toEqual({ heap: list.name, nullable: true });
  });

  it("gives equal groups the same types, and unequal ones distinct types", () => {
    const a = registerRecGroup([struct(["i32", "f64"])]);
    const b = registerRecGroup([struct(["i32", "f64"])]);
    expect(b).toEqual(a);
    expect(b[0]).toBe(a[0]);
    const [c] = registerRecGroup([struct(["i32", "f64"], undefined, false)]);
    const [d] = registerRecGroup([struct(["f64", "i32"])]);
    const names = new Set([a[0]?.name, c?.name, d?.name]);
    expect(names.size).toBe(3);
    // Two types of the same structure in one group are distinct types (isorecursive rules).
    const [e, f] = registerRecGroup([struct(["i32", "f64"]), struct(["i32", "f64"])]);
    expect(e?.name).not.toBe(f?.name);
    expect(e?.name).not.toBe(a[0]?.name);
  });

  it("makes function types whose signatures mention the group's types", () => {
    const [fn, node] = registerRecGroup([
      {
        composite: { kind: "func", params: ["(ref $rec.1)"], results: ["i32"] },
        supertype: undefined,
        final: true,
      },
      struct(["(ref null $rec.0)"]),
    ]);
    if (fn?.composite.kind !== "func" || node === undefined) throw new Error("no types");
    expect(fn.composite.type.params).toEqual([`(ref ${node.name})`]);
    expect(fn.name).toMatch(/^\$func\d+$/);
  });

  it("refuses a type naming what is neither a value type nor one of the group's", () => {
    expect(() => registerRecGroup([struct(["i33"])])).toThrow(/malformed storage type i33/);
    expect(() => registerRecGroup([struct(["(ref $rec.4)"])])).toThrow(/no type/);
    expect(() => registerRecGroup([struct([], "$struct999999")])).toThrow(/unknown supertype/);
  });
});

describe("subtyping", () => {
  const [base] = registerRecGroup([struct(["i32"], undefined, false)]);
  const [derived] = registerRecGroup([struct(["i32", "i64"], base?.name, true)]);
  const [other] = registerRecGroup([struct(["i32", "f32"])]);
  const [fn] = registerRecGroup([
    { composite: { kind: "func", params: [], results: [] }, supertype: undefined, final: true },
  ]);
  const [arr] = registerRecGroup([
    {
      composite: { kind: "array", element: { storage: "i8", mutable: true } },
      supertype: undefined,
      final: true,
    },
  ]);
  const B = base?.name as string;
  const D = derived?.name as string;
  const O = other?.name as string;
  const F = fn?.name as string;
  const A = arr?.name as string;

  it.each([
    ["i31", "eq", true],
    ["i31", "any", true],
    ["struct", "eq", true],
    ["array", "any", true],
    ["eq", "i31", false],
    ["any", "extern", false],
    ["none", "i31", true],
    ["none", "func", false],
    ["nofunc", "func", true],
    ["noextern", "extern", true],
    ["noexn", "exn", true],
    ["exn", "any", false],
  ])("%s is a subtype of %s: %s", (a, b, expected) => {
    expect(isHeapSubtype(a, b)).toBe(expected);
  });

  it("places concrete types under their kind and their declared supertypes", () => {
    expect(isHeapSubtype(D, B)).toBe(true);
    expect(isHeapSubtype(B, D)).toBe(false);
    expect(isHeapSubtype(O, B)).toBe(false);
    expect(isHeapSubtype(D, "struct")).toBe(true);
    expect(isHeapSubtype(D, "any")).toBe(true);
    expect(isHeapSubtype(D, "array")).toBe(false);
    expect(isHeapSubtype(A, "array")).toBe(true);
    expect(isHeapSubtype(F, "func")).toBe(true);
    expect(isHeapSubtype(F, "any")).toBe(false);
    expect(isHeapSubtype("none", D)).toBe(true);
    expect(isHeapSubtype("nofunc", D)).toBe(false);
    expect(isHeapSubtype("nofunc", F)).toBe(true);
    expect(isHeapSubtype("struct", D)).toBe(false);
  });

  it("lets a non-nullable reference stand for a nullable one, never the reverse", () => {
    expect(isSubtype(refType(D, false), refType(B, true))).toBe(true);
    expect(isSubtype(refType(D, true), refType(B, false))).toBe(false);
    expect(isSubtype("(ref i31)", "anyref")).toBe(true);
    expect(isSubtype("anyref", "(ref any)")).toBe(false);
    expect(isSubtype("nullref", "structref")).toBe(true);
    expect(isSubtype("i32", "i32")).toBe(true);
    expect(isSubtype("i32", "i64")).toBe(false);
    expect(isSubtype("i32", "anyref")).toBe(false);
  });
});
