import { type Caller, V128, VAL_TYPES, Val } from "@wasmcall/core-types";
import type { Func, Instance, Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { expectSameVal, expectSameVals, invoke } from "./support/call.js";
import { echoFunc } from "./support/echo-module.js";
import { exportedFunc, instantiate, newStore } from "./support/instantiate.js";

/** One echo function per value type, named after it, and `all`, which echoes one of each. */
const BYTES = await wat(
  `(module
    ${VAL_TYPES.map((t) => echoFunc(t, [t], [0])).join("\n")}
    ${echoFunc("all", VAL_TYPES, [0, 1, 2, 3, 4, 5, 6])}
    ${echoFunc("all_reversed", VAL_TYPES, [6, 5, 4, 3, 2, 1, 0])})`,
);

/** An externref object, expected back as the very same object. */
const OBJECT = { name: "an externref" };

interface Fixture {
  readonly store: Store;
  readonly instance: Instance;
}

/** A labelled sample value: made from the fixture, since a funcref needs a function of the store. */
type Sample = readonly [label: string, make: (fx: Fixture) => Val];

const SAMPLES: readonly Sample[] = [
  ["i32 0", () => Val.i32(0)],
  ["i32 -1", () => Val.i32(-1)],
  ["i32 2^31-1", () => Val.i32(0x7fffffff)],
  ["i32 -2^31", () => Val.i32(-0x80000000)],
  ["i32 0xffffffff (as -1)", () => Val.i32(0xffffffff)],
  ["i32 0x80000000 (as -2^31)", () => Val.i32(0x80000000)],
  ["i64 0", () => Val.i64(0n)],
  ["i64 -1", () => Val.i64(-1n)],
  ["i64 -2^63", () => Val.i64(-(2n ** 63n))],
  ["i64 2^63-1", () => Val.i64(2n ** 63n - 1n)],
  ["i64 2^64-1 (as -1)", () => Val.i64(2n ** 64n - 1n)],
  ["i64 2^53+1", () => Val.i64(2n ** 53n + 1n)],
  ["f32 signalling NaN 0x7fa00000", () => Val.f32Bits(0x7fa00000)],
  ["f32 quiet NaN 0x7fc00000", () => Val.f32Bits(0x7fc00000)],
  ["f32 NaN payload 0x7f800001", () => Val.f32Bits(0x7f800001)],
  ["f32 negative NaN 0xffc00001", () => Val.f32Bits(0xffc00001)],
  ["f32 negative signalling NaN 0xff800123", () => Val.f32Bits(0xff800123)],
  ["f32 -0", () => Val.f32(-0)],
  ["f32 +0", () => Val.f32(0)],
  ["f32 -infinity", () => Val.f32(Number.NEGATIVE_INFINITY)],
  ["f32 smallest subnormal", () => Val.f32Bits(1)],
  ["f32 1.5", () => Val.f32(1.5)],
  ["f64 signalling NaN 0x7ff4000000000001", () => Val.f64Bits(0x7ff4000000000001n)],
  ["f64 quiet NaN 0x7ff8000000000000", () => Val.f64Bits(0x7ff8000000000000n)],
  ["f64 NaN payload 0x7ff0000000000001", () => Val.f64Bits(0x7ff0000000000001n)],
  ["f64 negative NaN 0xfff8000000000000", () => Val.f64Bits(0xfff8000000000000n)],
  ["f64 negative NaN payload 0xfff4000000000abc", () => Val.f64Bits(0xfff4000000000abcn)],
  ["f64 -0", () => Val.f64(-0)],
  ["f64 infinity", () => Val.f64(Number.POSITIVE_INFINITY)],
  ["f64 smallest subnormal", () => Val.f64Bits(1n)],
  ["f64 0.1", () => Val.f64(0.1)],
  ["v128 zero", () => Val.v128(V128.zero())],
  ["v128 bytes 0..15", () => Val.v128([...Array(16).keys()])],
  ["v128 all ones", () => Val.v128(new Array(16).fill(0xff))],
  [
    "v128 f32 NaN lanes",
    () => Val.v128(V128.fromF32x4Bits([0x7fa00000, 0xffc00001, 0x80000000, 1])),
  ],
  ["v128 i64 extremes", () => Val.v128(V128.fromI64x2([-(2n ** 63n), 2n ** 63n - 1n]))],
  ["v128 f64 NaN lanes", () => Val.v128(V128.fromF64x2Bits([0x7ff4000000000001n, 2n ** 63n]))],
  ["externref object", () => Val.externref(OBJECT)],
  ["externref null", () => Val.externref(null)],
  ["externref undefined", () => Val.externref(undefined)],
  ["externref number 42", () => Val.externref(42)],
  ["externref number -0", () => Val.externref(-0)],
  ["externref NaN", () => Val.externref(Number.NaN)],
  ["externref string", () => Val.externref("text")],
  ["externref bigint", () => Val.externref(2n ** 70n)],
  ["externref symbol", () => Val.externref(Symbol.for("wasmcall"))],
  ["externref function", () => Val.externref(invoke)],
  ["funcref of the same store", (fx) => Val.funcref(exportedFunc(fx.instance, "i32"))],
  ["funcref of a v128 function", (fx) => Val.funcref(exportedFunc(fx.instance, "v128"))],
  ["funcref null", () => Val.funcref(null)],
];

describe.each(STRATEGIES)("$name: every value type passes bit-exact", (strategy) => {
  let fx: Fixture;
  let prepared: Map<Func, Caller>;

  beforeAll(() => {
    const store = newStore();
    fx = { store, instance: instantiate(store, BYTES) };
    prepared = new Map();
  });

  /** The caller of export `name`, prepared once per strategy and then reused. */
  function caller(name: string): Caller {
    const func = exportedFunc(fx.instance, name);
    let c = prepared.get(func);
    if (c === undefined) {
      c = strategy.prepare(fx.store, func);
      prepared.set(func, c);
    }
    return c;
  }

  it.each(SAMPLES)("echoes %s", (_, make) => {
    const value = make(fx);
    const [result] = invoke(caller(value.type), [value]);
    expectSameVal(result, value);
  });

  it.each(SAMPLES)("echoes %s twice, the second time into the same results array", (_, make) => {
    const value = make(fx);
    const c = caller(value.type);
    const results = [Val.default(value.type)];
    c.call([value], results);
    c.call([value], results);
    expectSameVal(results[0], value);
  });

  it("returns the very same Func object for a funcref", () => {
    const func = exportedFunc(fx.instance, "f64");
    const [result] = invoke(caller("funcref"), [Val.funcref(func)]);
    expect(result?.funcref()).toBe(func);
  });

  it("returns the very same externref object", () => {
    const [result] = invoke(caller("externref"), [Val.externref(OBJECT)]);
    expect(result?.externref()).toBe(OBJECT);
  });

  /** One value of every type, in the order of VAL_TYPES, NaN payloads and extremes included. */
  function oneOfEach(): Val[] {
    return [
      Val.i32(-0x80000000),
      Val.i64(-(2n ** 63n)),
      Val.f32Bits(0x7fa00000),
      Val.f64Bits(0xfff4000000000001n),
      Val.v128(V128.fromI32x4([1, -2, 0x7fc00001, -0x80000000])),
      Val.funcref(exportedFunc(fx.instance, "all")),
      Val.externref(OBJECT),
    ];
  }

  it("echoes one value of every type at once, in order and reversed", () => {
    const values = oneOfEach();
    expectSameVals(invoke(caller("all"), values), values);
    expectSameVals(invoke(caller("all_reversed"), values), [...values].reverse());
  });

  it("delivers results into result cells, each call's own values", () => {
    const values = oneOfEach();
    const results = values.map(() => Val.cell());
    caller("all").call(values, results);
    expectSameVals(results, values);
    caller("all_reversed").call(values, results);
    expectSameVals(results, [...values].reverse());
  });

  it("writes results into result cells in place, not replacing them", () => {
    const cells = VAL_TYPES.map(() => Val.cell());
    const results = [...cells];
    caller("all").call(oneOfEach(), results);
    results.forEach((r, i) => {
      expect(r, `result ${i}`).toBe(cells[i]);
    });
  });
});
