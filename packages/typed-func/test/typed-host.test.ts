import {
  ArityMismatchError,
  StoreMismatchError,
  Trap,
  TypeMismatchError,
  V128,
  type ValType,
  ValueRangeError,
} from "@wasmcall/core-types";
import { Engine, type Func, Store } from "@wasmcall/runtime";
import { typed, typedHost } from "@wasmcall/typed-func";
import { describe, expect, it } from "vitest";
import { instantiate } from "./support/instantiate.js";

function watSig(params: readonly ValType[], results: readonly ValType[]): string {
  const p = params.length > 0 ? `(param ${params.join(" ")})` : "";
  const r = results.length > 0 ? `(result ${results.join(" ")})` : "";
  return `${p} ${r}`;
}

/** A wasm function of the host's type that calls it: a call from wasm. */
async function viaWasm(store: Store, host: Func): Promise<Func> {
  const { params, results } = host.ty();
  const sig = watSig(params, results);
  const gets = params.map((_, i) => `(local.get ${i})`).join(" ");
  const instance = await instantiate(
    store,
    `(module
      (import "env" "host" (func $host ${sig}))
      (func (export "call") ${sig} ${gets} (call $host)))`,
    [host],
  );
  return instance.getFunc("call") as Func;
}

function setup() {
  const engine = new Engine();
  return { engine, store: new Store(engine) };
}

describe("typedHost without v128 (engine conversions)", () => {
  it("makes a Func of the signature, called from wasm with JS values", async () => {
    const { engine, store } = setup();
    const seen: unknown[] = [];
    const add = typedHost(store, ["i32", "i32"], ["i32"], (a, b) => {
      seen.push(a, b);
      return a + b;
    });
    expect(add.ty()).toBe(engine.funcType(["i32", "i32"], ["i32"]));
    const call = typed(await viaWasm(store, add), ["i32", "i32"], ["i32"]).call;
    expect(call(40, 2)).toBe(42);
    expect(call(-1, 2 ** 32 - 1)).toBe(-2);
    expect(seen).toEqual([40, 2, -1, -1]);
    expect(typed(add, ["i32", "i32"], ["i32"]).call(1, 2)).toBe(3);
  });

  it("takes no parameters and returns nothing", async () => {
    const { store } = setup();
    let calls = 0;
    const tick = typedHost(store, [], [], () => {
      calls++;
    });
    expect(typed(await viaWasm(store, tick), [], []).call()).toBeUndefined();
    expect(calls).toBe(1);
    const answer = typedHost(store, [], ["i32"], () => 42);
    expect(typed(await viaWasm(store, answer), [], ["i32"]).call()).toBe(42);
  });

  it("passes i64 as bigints, f32 and f64 as numbers, externrefs as themselves", async () => {
    const { store } = setup();
    const mix = typedHost(
      store,
      ["i64", "f32", "f64", "externref"],
      ["i64", "f64", "externref"],
      (n, f, d, e) => [n * 2n, f + d, e],
    );
    const call = typed(
      await viaWasm(store, mix),
      ["i64", "f32", "f64", "externref"],
      ["i64", "f64", "externref"],
    ).call;
    const ext = { tag: "x" };
    expect(call(2n ** 62n, 0.5, 0.25, ext)).toEqual([-(2n ** 63n), 0.75, ext]);
    expect(call(2n ** 62n, 0.5, 0.25, ext)[2]).toBe(ext);
  });

  it("passes funcrefs both ways as the store's Funcs", async () => {
    const { store } = setup();
    const nop = typedHost(store, [], [], () => {});
    let received: unknown;
    const pick = typedHost(store, ["funcref", "i32"], ["funcref", "i32"], (f, i) => {
      received = f;
      return [i === 0 ? null : nop, i];
    });
    const call = typed(await viaWasm(store, pick), ["funcref", "i32"], ["funcref", "i32"]).call;
    expect(call(pick, 1)).toEqual([nop, 1]);
    expect(received).toBe(pick);
    expect(call(null, 0)).toEqual([null, 0]);
    expect(received).toBeNull();
    const one = typedHost(store, [], ["funcref"], () => nop);
    expect(typed(await viaWasm(store, one), [], ["funcref"]).call()).toBe(nop);
  });

  it("returns several results as a tuple", async () => {
    const { store } = setup();
    const divRem = typedHost(store, ["i32", "i32"], ["i32", "i32"], (a, b) => [(a / b) | 0, a % b]);
    const call = typed(await viaWasm(store, divRem), ["i32", "i32"], ["i32", "i32"]).call;
    expect(call(7, 2)).toEqual([3, 1]);
    expect(call(-7, 2)).toEqual([-3, -1]);
  });

  it("passes five and more parameters", async () => {
    const { store } = setup();
    const types = ["i32", "i64", "f64", "i32", "i64", "f64"] as const;
    const sum = typedHost(
      store,
      types,
      ["f64"],
      (a, b, c, d, e, f) => Number(a + d) + Number(b + e) + (c + f),
    );
    expect(typed(await viaWasm(store, sum), types, ["f64"]).call(1, 2n, 0.5, 3, 4n, 0.25)).toBe(
      10.75,
    );
  });
});

describe("typedHost with v128 (through the slots)", () => {
  it("passes vectors and every other type", async () => {
    const { store } = setup();
    const nop = typedHost(store, [], [], () => {});
    const params = ["v128", "i32", "i64", "f32", "f64", "externref", "funcref"] as const;
    const results = ["v128", "i32", "i64", "f32", "f64", "externref", "funcref"] as const;
    const echo = typedHost(store, params, results, (v, i, n, f, d, e, fn) => [
      V128.fromI32x4([...v.i32x4()].map((x) => x + 1)),
      i * 2,
      n + 1n,
      f,
      d,
      e,
      fn,
    ]);
    const call = typed(await viaWasm(store, echo), params, results).call;
    const ext = ["x"];
    const [v, i, n, f, d, e, fn] = call(
      V128.fromI32x4([1, 2, 3, -1]),
      21,
      -(2n ** 63n),
      1.5,
      0.1,
      ext,
      nop,
    );
    expect([...v.i32x4()]).toEqual([2, 3, 4, 0]);
    expect([i, n, f, d]).toEqual([42, -(2n ** 63n) + 1n, 1.5, 0.1]);
    expect(e).toBe(ext);
    expect(fn).toBe(nop);
  });

  it("returns one vector, or nothing", async () => {
    const { store } = setup();
    const splat = typedHost(store, ["i32"], ["v128"], (x) => V128.fromI32x4([x, x, x, x]));
    expect([
      ...typed(await viaWasm(store, splat), ["i32"], ["v128"])
        .call(9)
        .i32x4(),
    ]).toEqual([9, 9, 9, 9]);
    let got: V128 | undefined;
    const sink = typedHost(store, ["v128"], [], (v) => {
      got = v;
    });
    typed(await viaWasm(store, sink), ["v128"], []).call(V128.fromI32x4([4, 3, 2, 1]));
    expect([...(got as V128).i32x4()]).toEqual([4, 3, 2, 1]);
  });

  it("checks the results", async () => {
    const { store } = setup();
    const bad = typedHost(
      store,
      ["i32"],
      ["v128", "i32"],
      (x) => (x === 0 ? [new Uint8Array(16), 1] : [V128.zero(), 1, 2]) as unknown as [V128, number],
      "bad",
    );
    const call = typed(await viaWasm(store, bad), ["i32"], ["v128", "i32"]).call;
    expect(() => call(0)).toThrow(ValueRangeError);
    expect(() => call(0)).toThrow(
      "invalid v128 value Uint8Array(16): not a V128 (bad (i32) -> (v128, i32): result 0)",
    );
    expect(() => call(1)).toThrow(ArityMismatchError);
    expect(() => call(1)).toThrow("bad (i32) -> (v128, i32): expected 2 results, got 3");
  });
});

describe("typedHost: result checks reach the wasm code's caller", () => {
  async function returning(type: ValType, value: unknown, name = "h") {
    const { store } = setup();
    const host = typedHost(store, [], [type], (() => value) as () => never, name);
    return typed(await viaWasm(store, host), [], [type]).call as () => unknown;
  }

  it("refuses i32 results that are not integers in range", async () => {
    for (const bad of [1.5, 2 ** 32, Number.NaN, "1", 1n, undefined]) {
      const call = await returning("i32", bad);
      expect(call).toThrow(ValueRangeError);
    }
    expect(await returning("i32", 1.5)).toThrow(
      "invalid i32 value 1.5: not an integer in -2^31..2^32-1 (h () -> i32: result 0)",
    );
    expect((await returning("i32", 2 ** 32 - 1))()).toBe(-1);
  });

  it("refuses i64, f32 and f64 results of the wrong kind or range", async () => {
    expect(await returning("i64", 1)).toThrow(ValueRangeError);
    expect(await returning("i64", 2n ** 64n)).toThrow(ValueRangeError);
    expect(await returning("f32", 0.1)).toThrow(ValueRangeError);
    expect(await returning("f64", "0.5")).toThrow(ValueRangeError);
    expect((await returning("f32", Number.NaN))()).toBeNaN();
  });

  it("refuses funcref results that are not Funcs of the store", async () => {
    expect(await returning("funcref", () => 0)).toThrow(TypeMismatchError);
    const other = setup();
    const foreign = typedHost(other.store, [], [], () => {});
    expect(await returning("funcref", foreign)).toThrow(StoreMismatchError);
  });

  it("refuses tuples of the wrong length or that are not arrays", async () => {
    const { store } = setup();
    let value: unknown = [1];
    const pair = typedHost(store, [], ["i32", "i32"], (() => value) as () => never, "pair");
    const call = typed(await viaWasm(store, pair), [], ["i32", "i32"]).call;
    expect(call).toThrow(ArityMismatchError);
    expect(call).toThrow("pair () -> (i32, i32): expected 2 results, got 1");
    value = 5;
    expect(call).toThrow(TypeMismatchError);
    value = [1, 1.5];
    expect(call).toThrow(ValueRangeError);
    value = [1, 2];
    expect(call()).toEqual([1, 2]);
  });

  it("lets the host function's exceptions through unchanged", async () => {
    const { store } = setup();
    const boom = new RangeError("boom");
    const thrower = typedHost(store, ["i32"], ["i32"], () => {
      throw boom;
    });
    const call = typed(await viaWasm(store, thrower), ["i32"], ["i32"]).call;
    let caught: unknown;
    try {
      call(1);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(boom);
    expect(caught).not.toBeInstanceOf(Trap);
  });

  it("names the host function after fn when no name is given", async () => {
    const { store } = setup();
    const host = typedHost(store, [], ["i32"], function half() {
      return 0.5;
    });
    const call = typed(await viaWasm(store, host), [], ["i32"]).call;
    expect(call).toThrow(
      "invalid i32 value 0.5: not an integer in -2^31..2^32-1 (host function half () -> i32: result 0)",
    );
  });

  it("refuses more than 1000 parameters or results with a TypeMismatchError", () => {
    const { store } = setup();
    const many = (n: number, t: ValType): ValType[] => Array.from({ length: n }, () => t);
    for (const t of ["i32", "v128"] as const) {
      expect(() => typedHost(store, many(1001, t), [], () => {}, "wide")).toThrow(
        new TypeMismatchError(
          "wide: typedHost: function type",
          "at most 1000 parameters",
          "1001 parameters",
        ),
      );
      expect(() => typedHost(store, [], many(1001, t), (() => []) as () => never)).toThrow(
        TypeMismatchError,
      );
    }
  });

  it("refuses type names that are not value types", () => {
    const { store } = setup();
    expect(() => typedHost(store, ["i33" as ValType], [], () => {}, "odd")).toThrow(
      "odd: typedHost: parameter 0: expected a value type, found i33",
    );
    expect(() => typedHost(store, [], ["x" as ValType], () => {})).toThrow(TypeMismatchError);
  });
});
