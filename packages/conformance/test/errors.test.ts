import {
  type Caller,
  StoreMismatchError,
  TypeMismatchError,
  V128,
  VAL_TYPES,
  Val,
  ValueRangeError,
} from "@wasmcall/core-types";
import type { Instance, Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { expectSameVals, invoke, thrownBy } from "./support/call.js";
import { signature } from "./support/echo-module.js";
import { exportedFunc, instantiate, newStore, strategyFixture } from "./support/instantiate.js";

/** Each function counts its calls, so that a test can check a refused call ran nothing. */
const BYTES = await wat(
  `(module
    (global $calls (mut i32) (i32.const 0))
    (func $count (global.set $calls (i32.add (global.get $calls) (i32.const 1))))
    (func (export "calls") (result i32) global.get $calls)
    (func (export "every_type") ${signature(VAL_TYPES, [])} call $count)
    (func (export "inc") (param i32) (result i32)
      call $count (i32.add (local.get 0) (i32.const 1)))
    (func (export "inc64") (param i64) (result i64)
      call $count (i64.add (local.get 0) (i64.const 1)))
    (func (export "is_null") (param funcref) (result i32)
      call $count (ref.is_null (local.get 0))))`,
);

/** One value of each type, in the order of VAL_TYPES (a funcref needs a function of a store). */
function oneOfEach(instance: Instance): Val[] {
  return [
    Val.i32(1),
    Val.i64(2n),
    Val.f32(3),
    Val.f64(4),
    Val.v128(V128.zero()),
    Val.funcref(exportedFunc(instance, "inc")),
    Val.externref({}),
  ];
}

describe.each(STRATEGIES)("$name: bad arguments are refused before the call", (strategy) => {
  let store: Store;
  let instance: Instance;
  let caller: (name: string) => Caller;

  beforeAll(() => {
    ({ store, instance, caller } = strategyFixture(strategy, BYTES));
  });

  /** Runs `action`, which must throw, checks nothing was called, and returns what it threw. */
  function refused(action: () => unknown): unknown {
    const calls = caller("calls");
    const before = invoke(calls, [])[0]?.i32();
    const error = thrownBy(action);
    expect(invoke(calls, [])[0]?.i32()).toBe(before);
    return error;
  }

  function expectTypeMismatch(
    error: unknown,
    name: string,
    position: number,
    expected: string,
    actual: string,
  ): void {
    expect(error).toBeInstanceOf(TypeMismatchError);
    const e = error as TypeMismatchError;
    expect(e.code).toBe("TYPE_MISMATCH");
    expect(e.name).toBe("TypeMismatchError");
    expect({ expected: e.expected, actual: e.actual }).toEqual({ expected, actual });
    expect(e.message).toContain(name);
    expect(e.message).toMatch(
      new RegExp(`argument ${position}\\b.*expected ${expected}, found ${actual}$`),
    );
  }

  it.each(VAL_TYPES.map((t, i) => [i, t] as const))(
    "refuses a value of another type at argument %i (%s)",
    (position) => {
      const values = oneOfEach(instance);
      const wrong = values[(position + 1) % values.length] as Val;
      values[position] = wrong;
      const everyType = caller("every_type");
      const error = refused(() => everyType.call(values, []));
      expectTypeMismatch(error, "every_type", position, VAL_TYPES[position] as string, wrong.type);
      everyType.call(oneOfEach(instance), []);
    },
  );

  it.each([
    ["a number", 1, "number"],
    ["undefined", undefined, "undefined"],
    ["null", null, "null"],
    ["a string", "1", "string"],
    ["a bigint", 1n, "bigint"],
    ["a plain object", { value: 1 }, "Object"],
  ])("refuses %s in place of a Val", (_, value, actual) => {
    const inc = caller("inc");
    expectTypeMismatch(
      refused(() => invoke(inc, [value])),
      "inc",
      0,
      "i32",
      actual,
    );
    expectSameVals(invoke(inc, [Val.i32(1)]), [Val.i32(2)]);
  });

  it("refuses an object that only looks like a Val", () => {
    const forged = { type: "i32", lo: 1, hi: 0, ref: null };
    expect(refused(() => invoke(caller("inc"), [forged]))).toBeInstanceOf(TypeMismatchError);
  });

  it("refuses an object that only looks like a v128 Val", () => {
    const params: unknown[] = oneOfEach(instance);
    params[VAL_TYPES.indexOf("v128")] = { type: "v128", lo: 0, hi: 0, ref: null };
    const error = refused(() => invoke(caller("every_type"), params));
    expect(error).toBeInstanceOf(TypeMismatchError);
  });

  it.each([
    ["1.5", 1.5],
    ["2^32", 2 ** 32],
    ["-2^31-1", -(2 ** 31) - 1],
    ["NaN", Number.NaN],
    ["infinity", Number.POSITIVE_INFINITY],
  ])("cannot make an i32 of %s, and refuses it as an f64", (_, x) => {
    expect(() => Val.i32(x)).toThrow(ValueRangeError);
    const error = refused(() => invoke(caller("inc"), [Val.f64(x)]));
    expectTypeMismatch(error, "inc", 0, "i32", "f64");
  });

  it.each([
    ["2^64", 2n ** 64n],
    ["-2^63-1", -(2n ** 63n) - 1n],
  ])("cannot make an i64 of %s, and refuses it as an f64", (_, x) => {
    expect(() => Val.i64(x)).toThrow(ValueRangeError);
    const error = refused(() => invoke(caller("inc64"), [Val.f64(Number(x))]));
    expectTypeMismatch(error, "inc64", 0, "i64", "f64");
  });

  it("refuses an i32 for an i64 and an i64 for an i32", () => {
    expectTypeMismatch(
      refused(() => invoke(caller("inc64"), [Val.i32(1)])),
      "inc64",
      0,
      "i64",
      "i32",
    );
    expectTypeMismatch(
      refused(() => invoke(caller("inc"), [Val.i64(1n)])),
      "inc",
      0,
      "i32",
      "i64",
    );
  });

  it("refuses to prepare a function of another store", () => {
    const other = newStore();
    const foreign = exportedFunc(instantiate(other, BYTES), "inc");
    expect(() => strategy.prepare(store, foreign)).toThrow(StoreMismatchError);
    expectSameVals(invoke(strategy.prepare(other, foreign), [Val.i32(1)]), [Val.i32(2)]);
  });

  it("refuses a funcref argument of another store", () => {
    const foreign = exportedFunc(instantiate(newStore(), BYTES), "inc");
    const isNull = caller("is_null");
    const error = refused(() => invoke(isNull, [Val.funcref(foreign)]));
    expect(error).toBeInstanceOf(StoreMismatchError);
    expect((error as StoreMismatchError).code).toBe("STORE_MISMATCH");
    expect((error as Error).message).toContain("is_null");
    expectSameVals(invoke(isNull, [Val.funcref(exportedFunc(instance, "inc"))]), [Val.i32(0)]);
    expectSameVals(invoke(isNull, [Val.funcref(null)]), [Val.i32(1)]);
  });
});
