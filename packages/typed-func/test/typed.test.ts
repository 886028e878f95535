import {
  ArityMismatchError,
  StoreMismatchError,
  Trap,
  TypeMismatchError,
  V128,
  ValueRangeError,
} from "@wasmcall/core-types";
import { Engine, type Func, Instance, Store } from "@wasmcall/runtime";
import { typed, typedHost } from "@wasmcall/typed-func";
import { describe, expect, it } from "vitest";
import { instantiate } from "./support/instantiate.js";

const MODULE = `(module
  (import "env" "host" (func $host (param i32) (result i32)))
  (table $t 2 funcref)
  (elem (table $t) (i32.const 0) func $add $nop)
  (func $nop (export "nop"))
  (func $add (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "id32") (param i32) (result i32) (local.get 0))
  (func (export "id64") (param i64) (result i64) (local.get 0))
  (func (export "idf32") (param f32) (result f32) (local.get 0))
  (func (export "idf64") (param f64) (result f64) (local.get 0))
  (func (export "idext") (param externref) (result externref) (local.get 0))
  (func (export "idfunc") (param funcref) (result funcref) (local.get 0))
  (func (export "elem") (param i32) (result funcref) (table.get $t (local.get 0)))
  (func (export "is_null") (param funcref) (result i32) (ref.is_null (local.get 0)))
  (func (export "mixed") (param i32 i64) (result f32) (f32.convert_i32_s (local.get 0)))
  (func (export "swap") (param i32 i64) (result i64 i32) (local.get 1) (local.get 0))
  (func (export "with_ref") (param i32) (result funcref i32 externref)
    (table.get $t (local.get 0)) (local.get 0) (ref.null extern))
  (func (export "sum6") (param i32 i32 i32 i32 i32 i32) (result i32)
    (i32.add (i32.add (i32.add (local.get 0) (local.get 1)) (i32.add (local.get 2) (local.get 3)))
      (i32.add (local.get 4) (local.get 5))))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func $recurse (export "recurse") (call $recurse))
  (func (export "call_host") (param i32) (result i32) (call $host (local.get 0)))
  (func (export "add4") (param v128 v128) (result v128) (i32x4.add (local.get 0) (local.get 1)))
  (func (export "splat") (param i32) (result v128) (i32x4.splat (local.get 0)))
  (func (export "v_nop") (param v128))
  (func (export "v_parts") (param v128 f32 i64 externref) (result i32 v128 f32 i64 externref)
    (i32x4.extract_lane 3 (local.get 0)) (local.get 0) (local.get 1) (local.get 2) (local.get 3))
  (func (export "v_funcref") (param funcref v128) (result funcref v128) (local.get 0) (local.get 1))
  (func (export "v_trap") (param v128) (result v128) unreachable)
  (func (export "v_host") (param v128 i32) (result v128) (drop (call $host (local.get 1))) (local.get 0)))`;

async function setup(host: (x: number) => number = (x) => x) {
  const engine = new Engine();
  const store = new Store(engine);
  const hostFunc = typedHost(store, ["i32"], ["i32"], host, "host");
  const instance = await instantiate(store, MODULE, [hostFunc]);
  const func = (name: string) => instance.getFunc(name) as Func;
  return { engine, store, instance, func };
}

describe("typed: the signature check", () => {
  it("accepts the function's own signature, once", async () => {
    const { func } = await setup();
    const add = typed(func("add"), ["i32", "i32"], ["i32"]);
    expect(add.func).toBe(func("add"));
    expect(add.type).toBe(func("add").ty());
  });

  it("refuses another signature with a Wasmtime-style TypeMismatchError", async () => {
    const { func } = await setup();
    const attempt = () => typed(func("add"), ["i32", "i64"], ["i32"]);
    expect(attempt).toThrow(TypeMismatchError);
    expect(attempt).toThrow(
      "add (i32, i32) -> i32: typed: expected (func (param i32 i64) (result i32)), " +
        "found (func (param i32 i32) (result i32))",
    );
    try {
      attempt();
    } catch (e) {
      expect((e as TypeMismatchError).code).toBe("TYPE_MISMATCH");
      expect((e as TypeMismatchError).expected).toBe("(func (param i32 i64) (result i32))");
    }
    expect(() => typed(func("add"), ["i32", "i32"], [])).toThrow(TypeMismatchError);
    expect(() => typed(func("nop"), [], ["i32"])).toThrow("found (func)");
  });

  it("refuses what is not a Func", () => {
    expect(() => typed({} as Func, [], [])).toThrow(TypeMismatchError);
  });
});

describe("typed: calls of every value type", () => {
  it("calls nop and add", async () => {
    const { func } = await setup();
    expect(typed(func("nop"), [], []).call()).toBeUndefined();
    const add = typed(func("add"), ["i32", "i32"], ["i32"]);
    expect(add.call(40, 2)).toBe(42);
    const call = add.call;
    expect(call(-1, 1)).toBe(0);
  });

  it("passes i32 extremes, uint32 as its bits", async () => {
    const { func } = await setup();
    const id = typed(func("id32"), ["i32"], ["i32"]).call;
    expect(id(-(2 ** 31))).toBe(-(2 ** 31));
    expect(id(2 ** 31 - 1)).toBe(2 ** 31 - 1);
    expect(id(2 ** 32 - 1)).toBe(-1);
    expect(id(2 ** 31)).toBe(-(2 ** 31));
    expect(id(-0)).toBe(0);
  });

  it("passes i64 extremes as bigints, u64 as its bits", async () => {
    const { func } = await setup();
    const id = typed(func("id64"), ["i64"], ["i64"]).call;
    expect(id(-(2n ** 63n))).toBe(-(2n ** 63n));
    expect(id(2n ** 63n - 1n)).toBe(2n ** 63n - 1n);
    expect(id(2n ** 64n - 1n)).toBe(-1n);
    expect(id(0n)).toBe(0n);
  });

  it("passes f32 and f64 numbers", async () => {
    const { func } = await setup();
    const f32 = typed(func("idf32"), ["f32"], ["f32"]).call;
    expect(f32(1.5)).toBe(1.5);
    expect(f32(Math.fround(0.1))).toBe(Math.fround(0.1));
    expect(f32(-Infinity)).toBe(-Infinity);
    expect(f32(Number.NaN)).toBeNaN();
    expect(Object.is(f32(-0), -0)).toBe(true);
    const f64 = typed(func("idf64"), ["f64"], ["f64"]).call;
    expect(f64(0.1)).toBe(0.1);
    expect(f64(Number.MAX_VALUE)).toBe(Number.MAX_VALUE);
    expect(f64(Number.NaN)).toBeNaN();
  });

  it("passes externref values as themselves", async () => {
    const { func } = await setup();
    const id = typed(func("idext"), ["externref"], ["externref"]).call;
    const object = { a: 1 };
    expect(id(object)).toBe(object);
    expect(id(null)).toBeNull();
    expect(id("text")).toBe("text");
    expect(id(12n)).toBe(12n);
  });

  it("passes funcref values as the store's Func objects", async () => {
    const { func } = await setup();
    const id = typed(func("idfunc"), ["funcref"], ["funcref"]).call;
    expect(id(func("add"))).toBe(func("add"));
    expect(id(null)).toBeNull();
    const elem = typed(func("elem"), ["i32"], ["funcref"]).call;
    expect(elem(0)).toBe(func("add"));
    expect(elem(1)).toBe(func("nop"));
    const isNull = typed(func("is_null"), ["funcref"], ["i32"]).call;
    expect(isNull(null)).toBe(1);
    expect(isNull(func("nop"))).toBe(0);
  });

  it("refuses funcref arguments that are not Funcs of the store", async () => {
    const { func } = await setup();
    const other = await setup();
    const id = typed(func("idfunc"), ["funcref"], ["funcref"]);
    expect(() => id.call(other.func("add"))).toThrow(StoreMismatchError);
    expect(() => id.call(other.func("add"))).toThrow(
      "idfunc (funcref) -> funcref: argument 0: the funcref belongs to another store",
    );
    expect(() => id.call((() => 0) as unknown as Func)).toThrow(TypeMismatchError);
    expect(() => id.call(func("add").js as unknown as Func)).toThrow(
      "idfunc (funcref) -> funcref: argument 0: expected funcref (a Func or null), found function",
    );
  });

  it("returns several results as a tuple, funcrefs as Funcs", async () => {
    const { func } = await setup();
    expect(typed(func("swap"), ["i32", "i64"], ["i64", "i32"]).call(-5, 2n ** 64n - 2n)).toEqual([
      -2n,
      -5,
    ]);
    const withRef = typed(func("with_ref"), ["i32"], ["funcref", "i32", "externref"]).call;
    const [f, i, e] = withRef(1);
    expect(f).toBe(func("nop"));
    expect(i).toBe(1);
    expect(e).toBeNull();
  });

  it("calls (i32, i64) -> f32 and six parameters", async () => {
    const { func } = await setup();
    expect(typed(func("mixed"), ["i32", "i64"], ["f32"]).call(-7, 0n)).toBe(-7);
    const sum6 = typed(func("sum6"), ["i32", "i32", "i32", "i32", "i32", "i32"], ["i32"]);
    expect(sum6.call(1, 2, 3, 4, 5, 6)).toBe(21);
    const untyped = sum6.call as (...args: number[]) => number;
    expect(() => untyped(1, 2, 3)).toThrow(ArityMismatchError);
    expect(() => untyped(1, 2, 3)).toThrow("expected 6 arguments, got 3");
  });
});

describe("typed: v128 signatures, through the slots", () => {
  it("adds vectors and splats", async () => {
    const { func } = await setup();
    const add4 = typed(func("add4"), ["v128", "v128"], ["v128"]).call;
    const sum = add4(V128.fromI32x4([1, 2, 3, -1]), V128.fromI32x4([10, 20, 30, 1]));
    expect(sum).toBeInstanceOf(V128);
    expect([...sum.i32x4()]).toEqual([11, 22, 33, 0]);
    const splat = typed(func("splat"), ["i32"], ["v128"]).call;
    expect([...splat(-3).i32x4()]).toEqual([-3, -3, -3, -3]);
    expect([...splat(2 ** 32 - 1).i32x4()]).toEqual([-1, -1, -1, -1]);
    expect(typed(func("v_nop"), ["v128"], []).call(V128.zero())).toBeUndefined();
  });

  it("passes every other type beside a v128, several results as a tuple", async () => {
    const { func } = await setup();
    const parts = typed(
      func("v_parts"),
      ["v128", "f32", "i64", "externref"],
      ["i32", "v128", "f32", "i64", "externref"],
    ).call;
    const v = V128.fromI32x4([1, 2, 3, 4]);
    const ext = { x: 1 };
    const [lane, back, f, n, e] = parts(v, 2.5, 2n ** 64n - 1n, ext);
    expect(lane).toBe(4);
    expect(back.equals(v)).toBe(true);
    expect(f).toBe(2.5);
    expect(n).toBe(-1n);
    expect(e).toBe(ext);
    const withFunc = typed(func("v_funcref"), ["funcref", "v128"], ["funcref", "v128"]).call;
    expect(withFunc(func("add"), v)[0]).toBe(func("add"));
    expect(withFunc(null, v)[0]).toBeNull();
  });

  it("checks the arguments and their count", async () => {
    const { func } = await setup();
    const add4 = typed(func("add4"), ["v128", "v128"], ["v128"]);
    const untyped = add4.call as (...args: unknown[]) => unknown;
    expect(() => untyped(V128.zero())).toThrow(ArityMismatchError);
    expect(() => untyped(V128.zero(), new Uint8Array(16))).toThrow(ValueRangeError);
    expect(() => untyped(V128.zero(), new Uint8Array(16))).toThrow(
      "(add4 (v128, v128) -> v128: argument 1)",
    );
    const parts = typed(
      func("v_parts"),
      ["v128", "f32", "i64", "externref"],
      ["i32", "v128", "f32", "i64", "externref"],
    ).call as (...args: unknown[]) => unknown;
    expect(() => parts(V128.zero(), 0.1, 0n, null)).toThrow(ValueRangeError);
    expect(() => parts(V128.zero(), 1, 1, null)).toThrow(ValueRangeError);
  });
});

describe("typed: no silent coercion", () => {
  it("refuses i32 arguments that are not integers in -2^31..2^32-1", async () => {
    const { func } = await setup();
    const add = typed(func("add"), ["i32", "i32"], ["i32"]).call as (...a: unknown[]) => unknown;
    for (const bad of [1.5, 2 ** 32, -(2 ** 31) - 1, Number.NaN, Infinity, "1", 1n, null, {}]) {
      expect(() => add(bad, 1)).toThrow(ValueRangeError);
      expect(() => add(1, bad)).toThrow(ValueRangeError);
    }
    expect(() => add(1.5, 2)).toThrow(
      "invalid i32 value 1.5: not an integer in -2^31..2^32-1 (add (i32, i32) -> i32: argument 0)",
    );
    expect(() => add(1, 2 ** 32)).toThrow("invalid i32 value 4294967296");
    expect(() => add(1, 2 ** 32)).toThrow("argument 1");
    expect(() => add(1)).toThrow("add (i32, i32) -> i32: expected 2 arguments, got 1");
    expect(() => (add as (...a: number[]) => number)(1, 2, 3)).toThrow(
      "add (i32, i32) -> i32: expected 2 arguments, got 3",
    );
    let valueOfCalls = 0;
    const sneaky = {
      valueOf() {
        valueOfCalls++;
        return 1;
      },
    };
    expect(() => add(sneaky, 1)).toThrow(ValueRangeError);
    expect(valueOfCalls).toBe(0);
  });

  it("refuses i64 arguments that are not bigints in -2^63..2^64-1", async () => {
    const { func } = await setup();
    const id = typed(func("id64"), ["i64"], ["i64"]).call as (...a: unknown[]) => unknown;
    for (const bad of [1, "1", 2n ** 64n, -(2n ** 63n) - 1n, true, null]) {
      expect(() => id(bad)).toThrow(ValueRangeError);
    }
    expect(() => id(1)).toThrow("invalid i64 value 1: not a bigint in -2^63..2^64-1 (id64");
  });

  it("refuses f32 arguments that f32 cannot hold exactly, and non-numbers", async () => {
    const { func } = await setup();
    const f32 = typed(func("idf32"), ["f32"], ["f32"]).call as (...a: unknown[]) => unknown;
    for (const bad of [0.1, 2 ** 128, "1", 1n]) expect(() => f32(bad)).toThrow(ValueRangeError);
    const f64 = typed(func("idf64"), ["f64"], ["f64"]).call as (...a: unknown[]) => unknown;
    for (const bad of ["1", 1n, null, undefined]) expect(() => f64(bad)).toThrow(ValueRangeError);
  });
});

describe("typed: traps and exceptions", () => {
  it("turns traps into Trap and stays usable", async () => {
    const { func } = await setup();
    const div = typed(func("div"), ["i32", "i32"], ["i32"]).call;
    expect(() => div(1, 0)).toThrow(Trap);
    try {
      div(1, 0);
    } catch (e) {
      expect((e as Trap).trapCode).toBe("INTEGER_DIVIDE_BY_ZERO");
      expect((e as Trap).cause).toBeInstanceOf(WebAssembly.RuntimeError);
    }
    expect(div(-7, 2)).toBe(-3);
    expect(() => div(-(2 ** 31), -1)).toThrow(Trap);
    expect(div(9, 3)).toBe(3);
  });

  it("turns stack exhaustion into a STACK_OVERFLOW trap", async () => {
    const { func } = await setup();
    const recurse = typed(func("recurse"), [], []).call;
    try {
      recurse();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Trap);
      expect((e as Trap).trapCode).toBe("STACK_OVERFLOW");
    }
    expect(typed(func("add"), ["i32", "i32"], ["i32"]).call(1, 1)).toBe(2);
  });

  it("turns traps on the v128 path into Trap and stays usable", async () => {
    const { func } = await setup();
    const trap = typed(func("v_trap"), ["v128"], ["v128"]).call;
    expect(() => trap(V128.zero())).toThrow(Trap);
    const add4 = typed(func("add4"), ["v128", "v128"], ["v128"]).call;
    const one = V128.fromI32x4([1, 1, 1, 1]);
    expect([...add4(one, one).i32x4()]).toEqual([2, 2, 2, 2]);
  });

  it("lets host exceptions through unchanged, on both paths, and stays usable", async () => {
    const boom = new Error("boom");
    const { func } = await setup((x) => {
      if (x === 13) throw boom;
      return x + 1;
    });
    const callHost = typed(func("call_host"), ["i32"], ["i32"]).call;
    expect(callHost(1)).toBe(2);
    let caught: unknown;
    try {
      callHost(13);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(boom);
    expect(callHost(2)).toBe(3);
    const vHost = typed(func("v_host"), ["v128", "i32"], ["v128"]).call;
    try {
      vHost(V128.zero(), 13);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(boom);
    expect(vHost(V128.fromI32x4([5, 6, 7, 8]), 0).i32x4()[3]).toBe(8);
  });

  it("calls a function of an instance made in another store of the engine", async () => {
    const { engine, instance } = await setup();
    const store2 = new Store(engine);
    const other = new Instance(store2, instance.module, [
      typedHost(store2, ["i32"], ["i32"], (x) => x),
    ]);
    expect(typed(other.getFunc("add") as Func, ["i32", "i32"], ["i32"]).call(2, 2)).toBe(4);
  });
});
