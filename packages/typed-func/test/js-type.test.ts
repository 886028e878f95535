import { ArityMismatchError, type V128, ValueRangeError } from "@wasmcall/core-types";
import { Engine, type Func, Store } from "@wasmcall/runtime";
import {
  type JsParams,
  type JsResult,
  type JsValueOf,
  type TypedFunc,
  typed,
  typedHost,
} from "@wasmcall/typed-func";
import { describe, expect, expectTypeOf, it } from "vitest";
import { instantiate } from "./support/instantiate.js";

describe("JsValueOf", () => {
  it("maps each value type to its JavaScript type", () => {
    expectTypeOf<JsValueOf<"i32">>().toEqualTypeOf<number>();
    expectTypeOf<JsValueOf<"f32">>().toEqualTypeOf<number>();
    expectTypeOf<JsValueOf<"f64">>().toEqualTypeOf<number>();
    expectTypeOf<JsValueOf<"i64">>().toEqualTypeOf<bigint>();
    expectTypeOf<JsValueOf<"v128">>().toEqualTypeOf<V128>();
    expectTypeOf<JsValueOf<"externref">>().toEqualTypeOf<unknown>();
    expectTypeOf<JsValueOf<"funcref">>().toEqualTypeOf<Func | null>();
    expectTypeOf<JsValueOf<"i32" | "i64">>().toEqualTypeOf<number | bigint>();
  });
});

describe("JsParams and JsResult", () => {
  it("map parameter tuples to argument tuples", () => {
    expectTypeOf<JsParams<readonly []>>().toEqualTypeOf<[]>();
    expectTypeOf<JsParams<readonly ["i32", "i64", "v128"]>>().toEqualTypeOf<
      [number, bigint, V128]
    >();
  });

  it("map no result to void, one to its value and several to a tuple", () => {
    expectTypeOf<JsResult<readonly []>>().toEqualTypeOf<void>();
    expectTypeOf<JsResult<readonly ["f32"]>>().toEqualTypeOf<number>();
    expectTypeOf<JsResult<readonly ["i32", "funcref"]>>().toEqualTypeOf<[number, Func | null]>();
    expectTypeOf<JsResult<readonly ["i32", "i32", "i64"]>>().toEqualTypeOf<
      [number, number, bigint]
    >();
  });

  it("give unknown for result lists whose length is not known", () => {
    expectTypeOf<JsResult<readonly ("i32" | "i64")[]>>().toEqualTypeOf<unknown>();
  });
});

describe("typed", () => {
  it("types call from the tuples, written as const or inline", async () => {
    const store = new Store(new Engine());
    const instance = await instantiate(
      store,
      `(module
        (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
        (func (export "nop"))
        (func (export "pair") (param i64) (result i64 f64) (local.get 0) (f64.const 0.5)))`,
    );
    const func = (name: string) => instance.getFunc(name) as Func;
    const add = typed(func("add"), ["i32", "i32"] as const, ["i32"] as const);
    expectTypeOf(add).toEqualTypeOf<TypedFunc<readonly ["i32", "i32"], readonly ["i32"]>>();
    expectTypeOf(add.call).parameters.toEqualTypeOf<[number, number]>();
    expectTypeOf(add.call).returns.toEqualTypeOf<number>();
    const sum: number = add.call(1, 2);
    expect(sum).toBe(3);

    const nop = typed(func("nop"), [], []);
    expectTypeOf(nop.call).parameters.toEqualTypeOf<[]>();
    expectTypeOf(nop.call).returns.toEqualTypeOf<void>();

    const pair = typed(func("pair"), ["i64"], ["i64", "f64"]);
    expectTypeOf(pair.call).parameters.toEqualTypeOf<[bigint]>();
    expectTypeOf(pair.call).returns.toEqualTypeOf<[bigint, number]>();
    const [n, x] = pair.call(7n);
    expect([n, x]).toEqual([7n, 0.5]);
  });

  it("refuses wrong argument types at compile time (and at run time)", async () => {
    const store = new Store(new Engine());
    const instance = await instantiate(
      store,
      `(module
        (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
        (func (export "id64") (param i64) (result i64) (local.get 0)))`,
    );
    const add = typed(instance.getFunc("add") as Func, ["i32", "i32"], ["i32"]);
    const id64 = typed(instance.getFunc("id64") as Func, ["i64"], ["i64"]);
    // @ts-expect-error: an i32 is a number, not a bigint
    expect(() => add.call(1n, 2)).toThrow(ValueRangeError);
    // @ts-expect-error: an i32 is a number, not a string
    expect(() => add.call("1", 2)).toThrow(ValueRangeError);
    // @ts-expect-error: add takes two arguments
    expect(() => add.call(1)).toThrow(ArityMismatchError);
    // @ts-expect-error: an i64 is a bigint, not a number
    expect(() => id64.call(1)).toThrow(ValueRangeError);
    // @ts-expect-error: the result of add is a number
    const wrong: bigint = add.call(1, 2);
    expect(wrong).toBe(3);
  });
});

describe("typedHost", () => {
  it("types the host function from the tuples", () => {
    const store = new Store(new Engine());
    typedHost(store, ["i32", "i64"], ["f64"], (a, b) => {
      expectTypeOf(a).toEqualTypeOf<number>();
      expectTypeOf(b).toEqualTypeOf<bigint>();
      return a + Number(b);
    });
    typedHost(store, ["funcref", "v128"], ["i32", "v128"], (f, v) => {
      expectTypeOf(f).toEqualTypeOf<Func | null>();
      return [0, v];
    });
    typedHost(store, [], [], () => {});
    // @ts-expect-error: an i64 result is a bigint
    typedHost(store, [], ["i64"], () => 1);
    // @ts-expect-error: two results make a tuple
    typedHost(store, [], ["i32", "i32"], () => 1);
    expect(true).toBe(true);
  });
});
