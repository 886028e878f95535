import { FuncType, TypeMismatchError } from "@wasmcall/core-types";
import { Engine } from "@wasmcall/runtime";
import { describe, expect, it } from "vitest";

describe("Engine.funcType", () => {
  it("returns one object per signature", () => {
    const engine = new Engine();
    const a = engine.funcType(["i32", "i64"], ["f32"]);
    const b = engine.funcType(["i32", "i64"], ["f32"]);
    expect(b).toBe(a);
    expect(a.params).toEqual(["i32", "i64"]);
    expect(a.results).toEqual(["f32"]);
  });

  it("returns distinct objects for different signatures", () => {
    const engine = new Engine();
    const types = [
      engine.funcType([], []),
      engine.funcType(["i32"], []),
      engine.funcType([], ["i32"]),
      engine.funcType(["i32", "i32"], ["i32"]),
      engine.funcType(["i32"], ["i32", "i32"]),
      engine.funcType(["v128", "funcref"], ["externref"]),
    ];
    expect(new Set(types).size).toBe(types.length);
  });

  it("interns a FuncType made outside the engine to the engine's object", () => {
    const engine = new Engine();
    const interned = engine.funcType(["f64"], ["f64"]);
    const outside = new FuncType(["f64"], ["f64"]);
    expect(outside).not.toBe(interned);
    expect(engine.intern(outside)).toBe(interned);
  });

  it("keeps the types of two engines apart", () => {
    const a = new Engine().funcType(["i32"], ["i32"]);
    const b = new Engine().funcType(["i32"], ["i32"]);
    expect(a).not.toBe(b);
    expect(a.equals(b)).toBe(true);
  });
});

describe("Engine type registry", () => {
  it("round-trips typeIndex and typeAt", () => {
    const engine = new Engine();
    const types = [
      engine.funcType([], []),
      engine.funcType(["i64"], ["i64"]),
      engine.funcType(["v128"], ["f32", "f64"]),
    ];
    const indices = types.map((t) => engine.typeIndex(t));
    expect(new Set(indices).size).toBe(types.length);
    types.forEach((t, i) => {
      expect(engine.typeAt(indices[i] as number)).toBe(t);
    });
    // Interning again does not move a type.
    expect(engine.typeIndex(engine.funcType(["i64"], ["i64"]))).toBe(indices[1]);
  });

  it("throws RangeError for a type the engine never interned", () => {
    const engine = new Engine();
    engine.funcType(["i32"], []);
    expect(() => engine.typeIndex(new FuncType(["i32"], []))).toThrow(RangeError);
    const other = new Engine().funcType(["i32"], []);
    expect(() => engine.typeIndex(other)).toThrow(RangeError);
  });

  it("throws RangeError for an index the registry does not hold", () => {
    const engine = new Engine();
    const t = engine.funcType([], []);
    const index = engine.typeIndex(t);
    expect(() => engine.typeAt(index + 1)).toThrow(RangeError);
    expect(() => engine.typeAt(-1)).toThrow(RangeError);
    expect(() => engine.typeAt(1.5)).toThrow(RangeError);
  });
});

describe("Engine input", () => {
  it("refuses types that are not arrays of value types, leaving its registry intact", async () => {
    const engine = new Engine();
    const funcType = engine.funcType as (p: unknown, r: unknown) => FuncType;
    expect(() => funcType.call(engine, "i32", "i32")).toThrow(TypeMismatchError);
    expect(() => funcType.call(engine, ["i32,i32"], ["i32"])).toThrow(TypeMismatchError);
    const t = engine.funcType(["i32", "i32"], ["i32"]);
    expect(t.params).toEqual(["i32", "i32"]);
    expect(String(t)).toBe("(i32, i32) -> i32");
  });

  it("interns only real FuncTypes", () => {
    const engine = new Engine();
    const real = engine.funcType(["i32"], ["i32"]);
    const lookAlike = { params: ["i32"], results: ["i32"], key: real.key };
    expect(() => engine.intern(lookAlike as unknown as FuncType)).toThrow(TypeMismatchError);
    expect(() => engine.intern(Object.create(FuncType.prototype))).toThrow(TypeMismatchError);
    expect(engine.intern(new FuncType(["i32"], ["i32"]))).toBe(real);
  });
});
