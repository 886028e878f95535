import {
  ArityMismatchError,
  StoreMismatchError,
  Trap,
  TypeMismatchError,
  V128,
  Val,
} from "@wasmcall/core-types";
import { Engine, type Func, Store } from "@wasmcall/runtime";
import { strategy } from "@wasmcall/typed-func";
import { describe, expect, it } from "vitest";
import { instantiate } from "./support/instantiate.js";

const MODULE = `(module
  (table $t 1 funcref)
  (elem (table $t) (i32.const 0) func $add)
  (func $add (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "nop"))
  (func (export "idf32") (param f32) (result f32) (local.get 0))
  (func (export "idf64") (param f64) (result f64) (local.get 0))
  (func (export "f32_bits") (param f32) (result i32) (i32.reinterpret_f32 (local.get 0)))
  (func (export "f64_bits") (param f64) (result i64) (i64.reinterpret_f64 (local.get 0)))
  (func (export "bits_f32") (param i32) (result f32) (f32.reinterpret_i32 (local.get 0)))
  (func (export "f32_pair") (param f32 f32) (result f32 f32) (local.get 1) (local.get 0))
  (func (export "id64") (param i64) (result i64) (local.get 0))
  (func (export "idext") (param externref) (result externref) (local.get 0))
  (func (export "idfunc") (param funcref) (result funcref) (local.get 0))
  (func (export "elem") (result funcref) (table.get $t (i32.const 0)))
  (func (export "swap") (param i32 i64) (result i64 i32) (local.get 1) (local.get 0))
  (func (export "add4") (param v128 v128) (result v128) (i32x4.add (local.get 0) (local.get 1)))
  (func (export "sum5") (param i32 i32 i32 i32 i32) (result i32)
    (i32.add (i32.add (i32.add (local.get 0) (local.get 1)) (i32.add (local.get 2) (local.get 3)))
      (local.get 4)))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))`;

async function setup() {
  const store = new Store(new Engine());
  const instance = await instantiate(store, MODULE);
  const func = (name: string) => instance.getFunc(name) as Func;
  const caller = (name: string) => strategy.prepare(store, func(name));
  return { store, func, caller };
}

/** Calls through `caller` with `params`, returning the results. */
function run(caller: ReturnType<typeof strategy.prepare>, ...params: Val[]): Val[] {
  const results = caller.type.results.map((t) => Val.default(t));
  caller.call(params, results);
  return results;
}

describe("strategy", () => {
  it("is named typed-func, with a one-line summary", () => {
    expect(strategy.name).toBe("typed-func");
    expect(strategy.summary).toMatch(/TypedFunc/);
    expect(strategy.summary).not.toMatch(/\n/);
  });

  it("prepares Callers of the function's type, for its own store only", async () => {
    const { store, func, caller } = await setup();
    expect(caller("add").type).toBe(func("add").ty());
    expect(run(caller("add"), Val.i32(40), Val.i32(2))[0]?.i32()).toBe(42);
    expect(run(caller("nop"))).toEqual([]);
    const other = await setup();
    expect(() => strategy.prepare(store, other.func("add"))).toThrow(StoreMismatchError);
  });

  it("checks params and the room for results", async () => {
    const { caller } = await setup();
    const add = caller("add");
    expect(() => add.call([Val.i32(1)], [Val.i32(0)])).toThrow(ArityMismatchError);
    expect(() => add.call([Val.i32(1), Val.i64(2n)], [Val.i32(0)])).toThrow(TypeMismatchError);
    expect(() => add.call([Val.i32(1), Val.i32(2)], [])).toThrow(ArityMismatchError);
    expect(() => add.call([Val.i32(1), Val.i32(2)], [Val.i32(0), Val.i32(0)])).toThrow(
      "add (i32, i32) -> i32: expected 1 results, got 2",
    );
  });
});

describe("the Caller is exact", () => {
  it("keeps the f32 signalling NaN 0x7fa00000 and other NaN payloads", async () => {
    const { caller } = await setup();
    for (const bits of [0x7fa00000, 0xffa00001, 0x7fc00000, 0x7f800001]) {
      expect(run(caller("idf32"), Val.f32Bits(bits))[0]?.f32Bits()).toBe(bits);
      expect(run(caller("f32_bits"), Val.f32Bits(bits))[0]?.u32()).toBe(bits);
      expect(run(caller("bits_f32"), Val.i32(bits))[0]?.f32Bits()).toBe(bits);
    }
    const pair = run(caller("f32_pair"), Val.f32Bits(0x7fa00000), Val.f32Bits(0x7f800001));
    expect(pair.map((v) => v.f32Bits())).toEqual([0x7f800001, 0x7fa00000]);
  });

  it("keeps f64 NaN payloads", async () => {
    const { caller } = await setup();
    for (const bits of [0x7ff4000000000001n, 0xfff0000000000001n, 0x7ff8000000000000n]) {
      expect(run(caller("idf64"), Val.f64Bits(bits))[0]?.f64Bits()).toBe(bits);
      expect(run(caller("f64_bits"), Val.f64Bits(bits))[0]?.u64()).toBe(bits);
    }
  });

  it("passes ordinary floats through the typed call", async () => {
    const { caller } = await setup();
    expect(run(caller("f32_bits"), Val.f32(1.5))[0]?.u32()).toBe(0x3fc00000);
    expect(run(caller("f64_bits"), Val.f64(-0))[0]?.u64()).toBe(0x8000000000000000n);
    expect(run(caller("idf64"), Val.f64(0.1))[0]?.f64()).toBe(0.1);
  });

  it("passes i64, externref, funcref, several results and v128", async () => {
    const { func, caller } = await setup();
    expect(run(caller("id64"), Val.i64(2n ** 64n - 1n))[0]?.i64()).toBe(-1n);
    const ext = { x: 1 };
    expect(run(caller("idext"), Val.externref(ext))[0]?.externref()).toBe(ext);
    expect(run(caller("idfunc"), Val.funcref(func("add")))[0]?.funcref()).toBe(func("add"));
    expect(run(caller("idfunc"), Val.funcref(null))[0]?.funcref()).toBeNull();
    expect(run(caller("elem"))[0]?.funcref()).toBe(func("add"));
    const swapped = run(caller("swap"), Val.i32(-3), Val.i64(7n));
    expect(swapped.map(String)).toEqual(["i64:7", "i32:-3"]);
    const sum = run(
      caller("add4"),
      Val.v128(V128.fromI32x4([1, 2, 3, 4])),
      Val.v128(V128.fromI32x4([10, 20, 30, -4])),
    );
    expect([...(sum[0]?.v128().i32x4() ?? [])]).toEqual([11, 22, 33, 0]);
    expect(
      run(caller("sum5"), Val.i32(1), Val.i32(2), Val.i32(3), Val.i32(4), Val.i32(5))[0]?.i32(),
    ).toBe(15);
  });

  it("refuses a funcref of another store", async () => {
    const { caller } = await setup();
    const other = await setup();
    expect(() => run(caller("idfunc"), Val.funcref(other.func("add")))).toThrow(StoreMismatchError);
  });

  it("turns traps into Trap and stays usable", async () => {
    const { caller } = await setup();
    const div = caller("div");
    expect(() => run(div, Val.i32(1), Val.i32(0))).toThrow(Trap);
    expect(run(div, Val.i32(7), Val.i32(2))[0]?.i32()).toBe(3);
  });
});
