import {
  ArityMismatchError,
  type Caller,
  StoreMismatchError,
  TypeMismatchError,
  Val,
} from "@wasmcall/core-types";
import { Engine, Func, Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { expectSameVals, invoke, thrownBy } from "./support/call.js";
import { exportedFunc, instantiate, newStore, strategyFixture } from "./support/instantiate.js";

/**
 * `call_it(f)` calls `f: () -> i32` through a table; `bump` counts its calls in a global; the
 * others echo their arguments. Every function counts its calls, so a test can check that a
 * refused call ran nothing.
 */
const BYTES = await wat(
  `(module
    (type $thunk (func (result i32)))
    (table $t 1 funcref)
    (global $calls (mut i32) (i32.const 0))
    (func $count (global.set $calls (i32.add (global.get $calls) (i32.const 1))))
    (func (export "calls") (result i32) global.get $calls)
    (func (export "bump") (result i32) call $count (global.get $calls))
    (func (export "call_it") (param funcref) (result i32)
      call $count
      (table.set $t (i32.const 0) (local.get 0))
      (call_indirect $t (type $thunk) (i32.const 0)))
    (func (export "inc") (param i32) (result i32)
      call $count (i32.add (local.get 0) (i32.const 1)))
    (func (export "inc64") (param i64) (result i64)
      call $count (i64.add (local.get 0) (i64.const 1)))
    (func (export "pair") (param i32) (result i32 i32)
      call $count (local.get 0) (local.get 0)))`,
);

/** The number of calls the fixture's functions have counted. */
function calls(call: (name: string) => Caller): number {
  const out = [Val.cell()];
  call("calls").call([], out);
  return (out[0] as Val).i32();
}

describe.each(STRATEGIES)("$name: only real values and functions of the store", (strategy) => {
  it("refuses a funcref of an object dressed up as a Func of the store, running nothing", () => {
    const a = strategyFixture(strategy, BYTES);
    const b = instantiate(newStore(), BYTES);
    const bump = exportedFunc(b, "bump");
    const forged = { ty: () => bump.ty(), store: a.store, js: bump.js, name: "forged" };
    const error = thrownBy(() =>
      invoke(a.caller("call_it"), [Val.funcref(forged as unknown as Func)]),
    );
    expect(error).toBeInstanceOf(TypeMismatchError);
    expect(String(error)).toContain("argument 0");
    expect(calls(a.caller)).toBe(0);
    expectSameVals(invoke(strategy.prepare(b.store, bump), []), [Val.i32(1)]);
  });

  it("refuses a funcref of another store's Func, running nothing", () => {
    const a = strategyFixture(strategy, BYTES);
    const bump = exportedFunc(instantiate(newStore(), BYTES), "bump");
    const error = thrownBy(() => invoke(a.caller("call_it"), [Val.funcref(bump)]));
    expect(error).toBeInstanceOf(StoreMismatchError);
    expect(calls(a.caller)).toBe(0);
  });

  it("refuses to prepare an object made with Object.create(Func.prototype)", () => {
    const store = newStore();
    const real = exportedFunc(instantiate(store, BYTES), "inc");
    const fake = Object.assign(Object.create(Func.prototype), { store, js: real.js });
    expect(thrownBy(() => strategy.prepare(store, fake))).toBeInstanceOf(TypeMismatchError);
  });

  it("refuses a function of another engine with a StoreMismatchError", () => {
    const store = newStore();
    const other = exportedFunc(instantiate(new Store(new Engine()), BYTES), "inc");
    expect(thrownBy(() => strategy.prepare(store, other))).toBeInstanceOf(StoreMismatchError);
  });

  it("passes the value a Val was made with, whatever is done to its properties", () => {
    const { caller } = strategyFixture(strategy, BYTES);
    const x = Val.i32(1);
    expect(() => {
      (x as unknown as { lo: number }).lo = 1.5;
    }).toThrow(TypeError);
    Object.defineProperty(x, "lo", { value: 1.5 });
    Object.defineProperty(x, "type", { get: () => "i64" });
    expectSameVals(invoke(caller("inc"), [x]), [Val.i32(2)]);
    const y = Val.i64(1n);
    Object.defineProperty(y, "ref", { value: 2n ** 70n });
    expectSameVals(invoke(caller("inc64"), [y]), [Val.i64(2n)]);
  });

  it("refuses an object made with Object.create(Val.prototype), and a Val subclass", () => {
    const { caller } = strategyFixture(strategy, BYTES);
    const fake = Object.create(Val.prototype, {
      type: { value: "i32" },
      lo: { value: 1 },
      hi: { value: 0 },
    });
    const error = thrownBy(() => invoke(caller("inc"), [fake]));
    expect(error).toBeInstanceOf(TypeMismatchError);
    expect(String(error)).toContain("not made by Val's constructors");
    class Sub extends (Val as unknown as new (...args: unknown[]) => object) {}
    expect(() => new Sub(Symbol("Val"), "i32", 1.5, 0, null, false)).toThrow(TypeMismatchError);
    expect(calls(caller)).toBe(0);
  });

  it("refuses params and results that are not arrays with typed errors, running nothing", () => {
    const { caller } = strategyFixture(strategy, BYTES);
    const inc = caller("inc");
    const out = [Val.cell()];
    expect(thrownBy(() => inc.call(undefined as never, out))).toBeInstanceOf(TypeMismatchError);
    expect(thrownBy(() => inc.call(null as never, out))).toBeInstanceOf(TypeMismatchError);
    expect(thrownBy(() => inc.call([Val.i32(1)], null as never))).toBeInstanceOf(TypeMismatchError);
    expect(thrownBy(() => inc.call([Val.i32(1)], "x" as never))).toBeInstanceOf(TypeMismatchError);
    expect(thrownBy(() => inc.call([Val.i32(1)], []))).toBeInstanceOf(ArityMismatchError);
    expect(calls(caller)).toBe(0);
  });

  it("refuses a frozen results array before the call, and writes into frozen cells", () => {
    const { caller } = strategyFixture(strategy, BYTES);
    const pair = caller("pair");
    const frozen = Object.freeze([Val.cell(), Val.i32(0)]);
    const error = thrownBy(() => pair.call([Val.i32(5)], frozen as Val[]));
    expect(error).toBeInstanceOf(TypeMismatchError);
    expect(String(error)).toContain("result 1");
    expect(calls(caller)).toBe(0);
    const cells = Object.freeze([Val.cell(), Val.cell()]);
    pair.call([Val.i32(5)], cells as Val[]);
    expectSameVals(cells, [Val.i32(5), Val.i32(5)]);
  });
});
