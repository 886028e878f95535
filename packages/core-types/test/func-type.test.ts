import {
  FuncType,
  isRefType,
  isValType,
  TypeMismatchError,
  VAL_TYPES,
  type ValType,
} from "@wasmcall/core-types";
import { describe, expect, it } from "vitest";

describe("FuncType", () => {
  it("holds its parameters and results in order", () => {
    const t = new FuncType(["i32", "i64"], ["f32"]);
    expect(t.params).toEqual(["i32", "i64"]);
    expect(t.results).toEqual(["f32"]);
  });

  it.each([
    [["i32", "i64"], ["f32"], "(i32, i64) -> f32"],
    [[], [], "() -> ()"],
    [["i32"], ["i32", "i32"], "(i32) -> (i32, i32)"],
    [["v128", "funcref", "externref"], [], "(v128, funcref, externref) -> ()"],
    [[], ["f64"], "() -> f64"],
  ] as [ValType[], ValType[], string][])("%j -> %j reads %s", (params, results, text) => {
    expect(String(new FuncType(params, results))).toBe(text);
    expect(`${new FuncType(params, results)}`).toBe(text);
  });

  it.each([
    [["i32", "i64"], ["f32"], "(func (param i32 i64) (result f32))"],
    [[], [], "(func)"],
    [["i32"], ["i32", "i32"], "(func (param i32) (result i32 i32))"],
    [[], ["externref"], "(func (result externref))"],
    [["v128"], [], "(func (param v128))"],
  ] as [ValType[], ValType[], string][])("%j -> %j prints as WAT %s", (params, results, wat) => {
    expect(new FuncType(params, results).toWat()).toBe(wat);
  });

  it("equals another type with the same parameters and results", () => {
    const a = new FuncType(["i32", "i64"], ["f32"]);
    expect(a.equals(a)).toBe(true);
    expect(a.equals(new FuncType(["i32", "i64"], ["f32"]))).toBe(true);
    expect(a.equals(new FuncType(["i64", "i32"], ["f32"]))).toBe(false);
    expect(a.equals(new FuncType(["i32", "i64"], []))).toBe(false);
    expect(a.equals(new FuncType(["i32", "i64", "f32"], []))).toBe(false);
    expect(a.equals(new FuncType(["i32"], ["i64", "f32"]))).toBe(false);
    expect(new FuncType([], []).equals(new FuncType([], []))).toBe(true);
  });

  it("has a key that is equal exactly when the types are", () => {
    const types = [
      new FuncType([], []),
      new FuncType(["i32"], []),
      new FuncType([], ["i32"]),
      new FuncType(["i32", "i32"], []),
      new FuncType(["i32"], ["i32"]),
      new FuncType([], ["i32", "i32"]),
      new FuncType(["i32", "i64"], ["f32"]),
      new FuncType(["i32"], ["i64", "f32"]),
      new FuncType(["funcref"], ["externref"]),
    ];
    expect(new Set(types.map((t) => t.key)).size).toBe(types.length);
    for (const t of types) {
      const same = new FuncType([...t.params], [...t.results]);
      expect(same.key).toBe(t.key);
      expect(same.equals(t)).toBe(true);
      for (const u of types) expect(t.equals(u)).toBe(t === u);
    }
  });

  it("copies its input arrays", () => {
    const params: ValType[] = ["i32"];
    const results: ValType[] = ["i64"];
    const t = new FuncType(params, results);
    params.push("f32");
    results[0] = "f64";
    expect(t.params).toEqual(["i32"]);
    expect(t.results).toEqual(["i64"]);
    expect(String(t)).toBe("(i32) -> i64");
  });

  it("is frozen, its arrays too", () => {
    const t = new FuncType(["i32"], ["i64"]);
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.params)).toBe(true);
    expect(Object.isFrozen(t.results)).toBe(true);
    expect(() => {
      (t.params as ValType[]).push("f32");
    }).toThrow(TypeError);
    expect(() => {
      (t as { key: string }).key = "x";
    }).toThrow(TypeError);
    expect(t.params).toEqual(["i32"]);
    expect(t.key).toBe(new FuncType(["i32"], ["i64"]).key);
  });
});

describe("ValType helpers", () => {
  it("VAL_TYPES lists the seven types of WebAssembly 2.0 in binary-encoding order and is frozen", () => {
    expect(VAL_TYPES).toEqual(["i32", "i64", "f32", "f64", "v128", "funcref", "externref"]);
    expect(Object.isFrozen(VAL_TYPES)).toBe(true);
  });

  it("isValType recognises exactly the value types", () => {
    for (const t of VAL_TYPES) expect(isValType(t)).toBe(true);
    for (const x of ["i8", "anyref ", "I32", "", 1, null, undefined, {}]) {
      expect(isValType(x)).toBe(false);
    }
  });

  it("isRefType recognises funcref and externref among the 2.0 types", () => {
    expect(VAL_TYPES.filter(isRefType)).toEqual(["funcref", "externref"]);
  });
});

describe("FuncType input", () => {
  it("refuses anything but arrays of value types, so that keys cannot collide", () => {
    const t = FuncType as unknown as new (p: unknown, r: unknown) => FuncType;
    expect(() => new t("i32", "i32")).toThrow(TypeMismatchError);
    expect(() => new t(["i32,i32"], ["i32"])).toThrow(TypeMismatchError);
    expect(() => new t(["i32", "i33"], [])).toThrow("FuncType params[1]: expected a value type");
    expect(() => new t([], null)).toThrow("FuncType results: expected an array of value types");
    expect(() => new t([Object.create(null)], [])).toThrow(TypeMismatchError);
  });

  it("tells real types from look-alikes", () => {
    const real = new FuncType(["i32"], ["i32"]);
    expect(FuncType.is(real)).toBe(true);
    const fake = { params: ["i32"], results: ["i32"], key: real.key };
    expect(FuncType.is(fake)).toBe(false);
    expect(real.equals(fake as unknown as FuncType)).toBe(false);
  });
});
