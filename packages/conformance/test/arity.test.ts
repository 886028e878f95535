import { ArityMismatchError, type Caller, V128, Val, type ValType } from "@wasmcall/core-types";
import type { Func, Instance } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { expectSameVals, invoke, thrownBy } from "./support/call.js";
import { echoFunc } from "./support/echo-module.js";
import { exportedFunc, strategyFixture } from "./support/instantiate.js";

/** 16 parameters of every type, in a repeating mix. */
const MIXED_16: readonly ValType[] = [
  ...["i32", "i64", "f32", "f64", "v128", "externref", "funcref", "f64"],
  ...["i32", "externref", "v128", "i64", "f32", "funcref", "i32", "f64"],
] as ValType[];

/** 20 parameters, references beyond the 16th among them, and a v128 (no direct JS call). */
const REFS_20: readonly ValType[] = [
  ...(new Array(18).fill("externref") as ValType[]),
  "funcref",
  "v128",
];

/** `(param i32 x n) (result i32)`: the sum of `(i + 1) * param i`, so that order matters. */
function weighted(name: string, n: number): string {
  const terms = [...Array(n).keys()].map((i) => `(i32.mul (local.get ${i}) (i32.const ${i + 1}))`);
  const body = terms.reduce((sum, term) => `(i32.add ${sum} ${term})`);
  return `(func (export "${name}") (param${" i32".repeat(n)}) (result i32) ${body})`;
}

const BYTES = await wat(
  `(module
    (global $calls (mut i32) (i32.const 0))
    (func (export "nop") (global.set $calls (i32.add (global.get $calls) (i32.const 1))))
    (func (export "calls") (result i32) global.get $calls)
    (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
    ${weighted("weigh4", 4)}
    ${weighted("weigh16", 16)}
    ${echoFunc("reverse4", ["i32", "i64", "f32", "f64"], [3, 2, 1, 0])}
    ${echoFunc("pick16", MIXED_16, [15, 4, 0, 9])}
    ${echoFunc("refs20", REFS_20, [17, 18, 19, 0])}
    (func (export "r0"))
    (func (export "r1") (result i32) i32.const -7)
    (func (export "r2") (result i32 i64) i32.const -7 i64.const -8)
    (func (export "r3") (result i32 i64 f32) i32.const -7 i64.const -8 f32.const nan:0x200000)
    (func (export "r4") (result i32 i64 f32 f64)
      i32.const -7 i64.const -8 f32.const nan:0x200000 f64.const -0))`,
);

/** What r4 returns; r0..r3 return its first 0..3 values. */
const R4 = [Val.i32(-7), Val.i64(-8n), Val.f32Bits(0x7fa00000), Val.f64(-0)];

describe.each(STRATEGIES)("$name: parameter and result counts", (strategy) => {
  let instance: Instance;
  let caller: (name: string) => Caller;

  beforeAll(() => {
    ({ instance, caller } = strategyFixture(strategy, BYTES));
  });

  function calls(): number {
    return (invoke(caller("calls"), [])[0] as Val).i32();
  }

  it("calls a function of no parameters and no results", () => {
    const before = calls();
    const nop = caller("nop");
    nop.call([], []);
    nop.call([], []);
    expect(calls()).toBe(before + 2);
  });

  it("passes 1 parameter", () => {
    expectSameVals(invoke(caller("inc"), [Val.i32(41)]), [Val.i32(42)]);
    expectSameVals(invoke(caller("inc"), [Val.i32(0x7fffffff)]), [Val.i32(-0x80000000)]);
  });

  it("passes 4 parameters in order", () => {
    const args = [1, 10, 100, 1000].map((x) => Val.i32(x));
    expectSameVals(invoke(caller("weigh4"), args), [Val.i32(4321)]);
    const mixed = [Val.i32(-1), Val.i64(-2n), Val.f32Bits(0xffc00001), Val.f64Bits(1n)];
    expectSameVals(invoke(caller("reverse4"), mixed), [...mixed].reverse());
  });

  it("passes 16 parameters in order", () => {
    const args = [...Array(16).keys()].map((i) => Val.i32(1000 ** (i % 3) * (i + 1)));
    const expected = args.reduce((sum, v, i) => (sum + v.i32() * (i + 1)) | 0, 0);
    expectSameVals(invoke(caller("weigh16"), args), [Val.i32(expected)]);
  });

  it("passes 16 parameters of mixed types in order", () => {
    const self = exportedFunc(instance, "pick16");
    const args = MIXED_16.map((t, i) => sampleOf(t, i, self));
    const expected = [15, 4, 0, 9].map((k) => args[k] as Val);
    expectSameVals(invoke(caller("pick16"), args), expected);
  });

  it("passes 20 parameters, references beyond the 16th among them", () => {
    const self = exportedFunc(instance, "refs20");
    const args = REFS_20.map((t, i) => sampleOf(t, i, self));
    const expected = [17, 18, 19, 0].map((k) => args[k] as Val);
    expectSameVals(invoke(caller("refs20"), args), expected);
  });

  it.each([0, 1, 2, 3, 4])("returns %i results", (n) => {
    expectSameVals(invoke(caller(`r${n}`), []), R4.slice(0, n));
  });

  it("overwrites every element of the results array", () => {
    const results = [Val.externref("a"), Val.externref("b"), Val.externref("c"), Val.i32(0)];
    caller("r4").call([], results);
    expectSameVals(results, R4);
  });

  it.each([0, 1, 3, 16])("refuses %i arguments for 2 parameters, calling nothing", (n) => {
    const add = caller("add");
    const error = thrownBy(() => add.call(new Array(n).fill(Val.i32(1)), [Val.i32(0)]));
    expectArity(error, "arguments", 2, n);
    expect((error as Error).message).toContain("add");
    const before = calls();
    expectArity(
      thrownBy(() => caller("nop").call([Val.i32(1)], [])),
      "arguments",
      0,
      1,
    );
    expect(calls()).toBe(before);
    expectSameVals(invoke(add, [Val.i32(2), Val.i32(3)]), [Val.i32(5)]);
  });

  it.each([0, 2, 5])("refuses a results array of length %i for 1 result", (n) => {
    const inc = caller("inc");
    const results = new Array(n).fill(Val.i32(0));
    expectArity(
      thrownBy(() => inc.call([Val.i32(1)], results)),
      "results",
      1,
      n,
    );
    expect(results).toEqual(new Array(n).fill(Val.i32(0)));
    expectSameVals(invoke(inc, [Val.i32(1)]), [Val.i32(2)]);
  });

  it("refuses a results array for a function of no results, calling nothing", () => {
    const before = calls();
    expectArity(
      thrownBy(() => caller("nop").call([], [Val.i32(0)])),
      "results",
      0,
      1,
    );
    expect(calls()).toBe(before);
  });
});

function expectArity(
  error: unknown,
  what: "arguments" | "results",
  expected: number,
  actual: number,
): void {
  expect(error).toBeInstanceOf(ArityMismatchError);
  const e = error as ArityMismatchError;
  expect(e.code).toBe("ARITY_MISMATCH");
  expect(e.name).toBe("ArityMismatchError");
  expect({ what: e.what, expected: e.expected, actual: e.actual }).toEqual({
    what,
    expected,
    actual,
  });
  expect(e.message).toMatch(new RegExp(`\\S: expected ${expected} ${what}, got ${actual}$`));
}

/** A distinct value of `type` for position `i`. */
function sampleOf(type: ValType, i: number, func: Func): Val {
  switch (type) {
    case "i32":
      return Val.i32(-i - 1);
    case "i64":
      return Val.i64(-(2n ** 62n) - BigInt(i));
    case "f32":
      return Val.f32Bits(0x7fa00000 + i);
    case "f64":
      return Val.f64Bits(0xfff4000000000000n + BigInt(i));
    case "v128":
      return Val.v128(V128.fromI32x4([i, -i, 0x7fc00000, i * 3]));
    case "externref":
      return Val.externref({ position: i });
    case "funcref":
      return Val.funcref(func);
    default:
      throw new Error(`no sample of ${type}`);
  }
}
