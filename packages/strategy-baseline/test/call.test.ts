import {
  ArityMismatchError,
  StoreMismatchError,
  Trap,
  TypeMismatchError,
  V128,
  Val,
} from "@wasmcall/core-types";
import { Engine, Func, Linker, Module, Store } from "@wasmcall/runtime";
import { call } from "@wasmcall/strategy-baseline";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it, vi } from "vitest";

/** `echo` returns its seven arguments, one of every type, in reverse order. */
const BYTES = await wat(`(module
  (import "env" "host" (func $host))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "nop"))
  (func (export "call_host") (call $host))
  (func (export "take_func") (param funcref))
  (func (export "echo")
    (param i32 i64 f32 f64 v128 externref funcref)
    (result funcref externref v128 f64 f32 i64 i32)
    (local.get 6) (local.get 5) (local.get 4) (local.get 3)
    (local.get 2) (local.get 1) (local.get 0)))`);

/** A store with the module instantiated; `hosts.host` is the body of the imported `host`. */
function setup(engine = new Engine()) {
  const store = new Store(engine);
  const hosts = { host: (): void => {} };
  const host = Func.wrap(store, engine.funcType([], []), () => hosts.host());
  const instance = new Linker(engine)
    .define("env", "host", host)
    .instantiate(store, new Module(engine, BYTES));
  const func = (name: string): Func => {
    const f = instance.getFunc(name);
    if (f === undefined) throw new Error(`no export ${name}`);
    return f;
  };
  return { engine, store, hosts, func };
}

/** What `fn` throws (fails the test when it returns). */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("call: results", () => {
  it("come in a fresh array every call, earlier ones left as they were", () => {
    const { store, func } = setup();
    const add = func("add");
    const first = call(store, add, [Val.i32(1), Val.i32(2)]);
    const second = call(store, add, [Val.i32(30), Val.i32(4)]);
    expect(second).not.toBe(first);
    expect(first.map((v) => v.i32())).toEqual([3]);
    expect(second.map((v) => v.i32())).toEqual([34]);

    const nop = func("nop");
    const none = call(store, nop, []);
    expect(none).toEqual([]);
    expect(call(store, nop, [])).not.toBe(none);
  });

  it("have the types of the function's type, fetched from the engine's registry every call", () => {
    const { engine, store, func } = setup();
    const echo = func("echo");
    const typeAt = vi.spyOn(Object.getPrototypeOf(engine) as typeof engine, "typeAt");
    const params = [
      Val.i32(-5),
      Val.i64(2n ** 63n - 1n),
      Val.f32Bits(0x7fa00000),
      Val.f64Bits(0x7ff4000000000001n),
      Val.v128(V128.fromI32x4([1, -2, 3, -4])),
      Val.externref({ host: "object" }),
      Val.funcref(func("add")),
    ];
    for (let i = 1; i <= 2; i++) {
      const results = call(store, echo, params);
      expect(typeAt).toHaveBeenCalledTimes(i);
      expect(typeAt).toHaveBeenLastCalledWith(echo.typeIndex);
      expect(results.map((v) => v.type)).toEqual(echo.ty().results);
      const reversed = [...params].reverse();
      results.forEach((v, j) => {
        expect(v.equals(reversed[j] as Val), `result ${j}: ${v}`).toBe(true);
      });
    }
    typeAt.mockRestore();
  });
});

describe("call: errors", () => {
  it("refuses the wrong number of arguments", () => {
    const { store, func } = setup();
    const error = thrownBy(() => call(store, func("add"), [Val.i32(1), Val.i32(2), Val.i32(3)]));
    expect(error).toBeInstanceOf(ArityMismatchError);
    expect(error).toMatchObject({
      code: "ARITY_MISMATCH",
      what: "arguments",
      expected: 2,
      actual: 3,
      message: "add (i32, i32) -> i32: expected 2 arguments, got 3",
    });
  });

  it("refuses an argument of the wrong type, naming its position and both types", () => {
    const { store, func } = setup();
    const error = thrownBy(() => call(store, func("add"), [Val.i32(1), Val.f32(2)]));
    expect(error).toBeInstanceOf(TypeMismatchError);
    expect(error).toMatchObject({
      code: "TYPE_MISMATCH",
      expected: "i32",
      actual: "f32",
      message: "add (i32, i32) -> i32: argument 1: expected i32, found f32",
    });
  });

  it("refuses a function or a funcref argument of another store", () => {
    const engine = new Engine();
    const mine = setup(engine);
    const theirs = setup(engine);
    expect(() => call(mine.store, theirs.func("nop"), [])).toThrow(StoreMismatchError);
    const foreign = Val.funcref(theirs.func("add"));
    expect(() => call(mine.store, mine.func("take_func"), [foreign])).toThrow(StoreMismatchError);
  });

  it("refuses a function of another engine with a StoreMismatchError", () => {
    const { store } = setup();
    const other = setup(new Engine()).func("add");
    expect(() => call(store, other, [Val.i32(1), Val.i32(2)])).toThrow(StoreMismatchError);
  });

  it("throws a Trap with its code, and the store stays usable", () => {
    const { store, func } = setup();
    const div = func("div");
    const error = thrownBy(() => call(store, div, [Val.i32(1), Val.i32(0)]));
    expect(error).toBeInstanceOf(Trap);
    expect((error as Trap).trapCode).toBe("INTEGER_DIVIDE_BY_ZERO");
    expect(call(store, div, [Val.i32(-9), Val.i32(2)]).map((v) => v.i32())).toEqual([-4]);
  });

  it("passes what a host function throws on unchanged, and the store stays usable", () => {
    const { store, hosts, func } = setup();
    const thrown = new Error("from the host");
    hosts.host = () => {
      throw thrown;
    };
    expect(thrownBy(() => call(store, func("call_host"), []))).toBe(thrown);
    hosts.host = () => {};
    expect(call(store, func("call_host"), [])).toEqual([]);
    expect(call(store, func("add"), [Val.i32(2), Val.i32(2)]).map((v) => v.i32())).toEqual([4]);
  });
});
