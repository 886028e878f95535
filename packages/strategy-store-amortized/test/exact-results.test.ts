import {
  ArityMismatchError,
  StoreMismatchError,
  TypeMismatchError,
  Val,
} from "@wasmcall/core-types";
import { Engine, Func, Instance, Module, Store } from "@wasmcall/runtime";
import { call } from "@wasmcall/strategy-store-amortized";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

/**
 * Functions with one float result (called through their bits wrapper when code is generated)
 * and `viaHost(x) = -host(x)`, where the import `host` may call back into the store.
 */
const BYTES = await wat(`(module
  (import "env" "host" (func $host (param f64) (result f64)))
  (func (export "f32Nan") (result f32) (f32.reinterpret_i32 (i32.const 0x7fa00001)))
  (func (export "f64Snan") (result f64) (f64.reinterpret_i64 (i64.const 0x7ff0000000000001)))
  (func (export "f32OfBits") (param i32) (result f32) (f32.reinterpret_i32 (local.get 0)))
  (func (export "f64OfBits") (param i64) (result f64) (f64.reinterpret_i64 (local.get 0)))
  (func (export "id32") (param f32) (result f32) (local.get 0))
  (func (export "id64") (param f64) (result f64) (local.get 0))
  (func (export "viaHost") (param f64) (result f64) (f64.neg (call $host (local.get 0)))))`);

/** f64 bit patterns a JavaScript number may not carry, or whose words have the top bit set. */
const F64_BITS = [
  0x7ff0000000000001n, // signalling NaN
  0xfff8000000000123n, // negative quiet NaN with a payload
  0x8000000000000000n, // -0
  0xbff8000000000000n, // -1.5
  0x3ff0000080000000n, // low word's top bit set
  0x80000000ffffffffn, // negative subnormal, low word all ones
];

/** f32 bit patterns a JavaScript number may not carry, or with the top bit set. */
const F32_BITS = [0x7fa00001, 0xffc00001, 0xff800001, 0x80000000, 0xbfc00000];

/** An instance of BYTES in a fresh store (engine with `codegen`); `hooks.host` is the import. */
async function setup(codegen: boolean) {
  const engine = new Engine({ codegen });
  const store = new Store(engine);
  const hooks = { host: (x: Val): Val => x };
  const host = Func.host(store, engine.funcType(["f64"], ["f64"]), ([x], results) => {
    results[0] = hooks.host(x as Val);
  });
  const instance = new Instance(store, new Module(engine, BYTES), [host]);
  const func = (name: string): Func => {
    const f = instance.getFunc(name);
    if (f === undefined) throw new Error(`no export ${name}`);
    return f;
  };
  return { store, hooks, func };
}

/** The one result of `call(store, func, params, ...)` into a cell and into a plain array. */
function resultsOf(store: Store, func: Func, params: Val[]): { cell: Val; plain: Val } {
  const cell = Val.cell();
  call(store, func, params, [cell]);
  const plain: Val[] = new Array(1);
  call(store, func, params, plain);
  return { cell, plain: plain[0] as Val };
}

describe.each([true, false])("call results bit for bit (codegen %s)", (codegen) => {
  it("an f32 NaN with a payload and a signalling f64 NaN made in wasm", async () => {
    const { store, func } = await setup(codegen);
    for (const v of Object.values(resultsOf(store, func("f32Nan"), []))) {
      expect(v.f32Bits()).toBe(0x7fa00001);
    }
    for (const v of Object.values(resultsOf(store, func("f64Snan"), []))) {
      expect(v.f64Bits()).toBe(0x7ff0000000000001n);
    }
  });

  it("f64 NaNs, -0 and negatives made in wasm, into a cell or a plain array", async () => {
    const { store, func } = await setup(codegen);
    for (const bits of F64_BITS) {
      for (const [kind, v] of Object.entries(
        resultsOf(store, func("f64OfBits"), [Val.i64(bits)]),
      )) {
        expect(v.f64Bits().toString(16), `${kind} ${bits.toString(16)}`).toBe(bits.toString(16));
      }
    }
  });

  it("f32 NaNs, -0 and negatives made in wasm, into a cell or a plain array", async () => {
    const { store, func } = await setup(codegen);
    for (const bits of F32_BITS) {
      for (const [kind, v] of Object.entries(
        resultsOf(store, func("f32OfBits"), [Val.i32(bits)]),
      )) {
        expect(v.f32Bits().toString(16), `${kind} ${bits.toString(16)}`).toBe(bits.toString(16));
      }
    }
  });

  it("f64 and f32 arguments, NaN payloads too, passed through to the result", async () => {
    const { store, func } = await setup(codegen);
    for (const bits of F64_BITS) {
      for (const [kind, v] of Object.entries(resultsOf(store, func("id64"), [Val.f64Bits(bits)]))) {
        expect(v.f64Bits().toString(16), `${kind} ${bits.toString(16)}`).toBe(bits.toString(16));
      }
    }
    for (const bits of F32_BITS) {
      for (const [kind, v] of Object.entries(resultsOf(store, func("id32"), [Val.f32Bits(bits)]))) {
        expect(v.f32Bits().toString(16), `${kind} ${bits.toString(16)}`).toBe(bits.toString(16));
      }
    }
  });

  it("both f64 results of a call made by a host function during another", async () => {
    const { store, hooks, func } = await setup(codegen);
    const inner = [Val.cell()];
    hooks.host = (x) => {
      call(store, func("f64OfBits"), [Val.i64(0x7ff0000000000001n)], inner);
      return x;
    };
    const outer = [Val.cell()];
    call(store, func("viaHost"), [Val.f64Bits(0x3ff0000080000000n)], outer);
    expect(inner[0]?.f64Bits()).toBe(0x7ff0000000000001n);
    expect(outer[0]?.f64Bits()).toBe(0xbff0000080000000n);
  });

  it("checks the call before anything runs", async () => {
    const { store, hooks, func } = await setup(codegen);
    let runs = 0;
    hooks.host = (x) => {
      runs++;
      return x;
    };
    const viaHost = func("viaHost");
    const other = new Store(new Engine({ codegen }));
    expect(() => call(other, viaHost, [Val.f64(1)], [Val.cell()])).toThrow(StoreMismatchError);
    expect(() => call(store, viaHost, [], [Val.cell()])).toThrow(ArityMismatchError);
    expect(() => call(store, viaHost, [Val.f32(1)], [Val.cell()])).toThrow(TypeMismatchError);
    expect(() => call(store, viaHost, [Val.f64(1)], Object.freeze([Val.f64(0)]) as Val[])).toThrow(
      TypeMismatchError,
    );
    expect(runs).toBe(0);
    call(store, viaHost, [Val.f64(1)], Object.freeze([Val.cell()]) as Val[]);
    expect(runs).toBe(1);
  });
});
