import { type FuncHandle, Val, type ValType } from "@wasmcall/core-types";
import { Func } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { invoke } from "./support/call.js";
import { exportedFunc, instantiate, newStore } from "./support/instantiate.js";

/**
 * A table of functions the module never exports, of types that share their parameter count
 * (and one of v128 and reference parameters); `get` returns one, `give` hands one to the host.
 */
const BYTES = await wat(`(module
  (import "env" "take" (func $take (param funcref)))
  (func $a (param i32) (result i32) local.get 0)
  (func $b (param i32) (result i64) i64.const 2)
  (func $c (param v128 externref funcref) (result v128) local.get 0)
  (func $d (param i32) (result f32) f32.const 1)
  (table $t 4 funcref)
  (elem (i32.const 0) $a $b $c $d)
  (func (export "get") (param i32) (result funcref) (table.get $t (local.get 0)))
  (func (export "give") (param i32) (call $take (table.get $t (local.get 0)))))`);

/** The types of the table's functions, in order. */
const TYPES: [ValType[], ValType[]][] = [
  [["i32"], ["i32"]],
  [["i32"], ["i64"]],
  [["v128", "externref", "funcref"], ["v128"]],
  [["i32"], ["f32"]],
];

describe.each(STRATEGIES)("$name: a funcref of a function never exported", (strategy) => {
  /** A fresh store with the module, the funcrefs its host function was given, and callers. */
  function fixture() {
    const store = newStore();
    const taken: (FuncHandle | null)[] = [];
    const take = Func.host(store, store.engine.funcType(["funcref"], []), ([f]) => {
      taken.push((f as Val).funcref());
    });
    const instance = instantiate(store, BYTES, [take]);
    const get = strategy.prepare(store, exportedFunc(instance, "get"));
    const give = strategy.prepare(store, exportedFunc(instance, "give"));
    return { store, taken, get, give };
  }

  it("comes back as a Func with its own type, the same Func every time", () => {
    const { store, get } = fixture();
    TYPES.forEach(([params, results], i) => {
      const [first] = invoke(get, [Val.i32(i)]);
      const func = first?.funcref();
      expect(func, `function ${i}`).toBeInstanceOf(Func);
      expect((func as Func).ty(), `function ${i}`).toBe(store.engine.funcType(params, results));
      expect(invoke(get, [Val.i32(i)])[0]?.funcref(), `function ${i}`).toBe(func);
    });
  });

  it("reaches a host function as the Func a call returns", () => {
    const { taken, get, give } = fixture();
    for (let i = TYPES.length - 1; i >= 0; i--) invoke(give, [Val.i32(i)]);
    expect(taken.length).toBe(TYPES.length);
    TYPES.forEach((_, i) => {
      expect(invoke(get, [Val.i32(i)])[0]?.funcref(), `function ${i}`).toBe(
        taken[TYPES.length - 1 - i],
      );
    });
  });
});
