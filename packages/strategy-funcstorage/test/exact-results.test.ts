import { Val } from "@wasmcall/core-types";
import { Engine, Func, Instance, Module, Store } from "@wasmcall/runtime";
import { callWithStorage, FuncStorage } from "@wasmcall/strategy-funcstorage";
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
  const storageOf = (f: Func) => new FuncStorage(engine, f.ty());
  return { store, hooks, func, storageOf };
}

/** The one result of a call of `func` with `params` through `storage`, into each kind of sink. */
function resultsOf(
  store: Store,
  func: Func,
  storage: FuncStorage,
  params: Val[],
): { cell: Val; plain: Val; sink: Val; iterated: Val } {
  const cell = Val.cell();
  callWithStorage(store, func, storage, params, [cell]);
  const plain: Val[] = new Array(1);
  callWithStorage(store, func, storage, params, plain);
  let sink: Val | undefined;
  callWithStorage(store, func, storage, params, (v) => {
    sink = v;
  });
  const iterated = [Val.i32(0)];
  callWithStorage(store, func, storage, new Set(params), iterated);
  return { cell, plain: plain[0] as Val, sink: sink as Val, iterated: iterated[0] as Val };
}

describe.each([true, false])("callWithStorage results bit for bit (codegen %s)", (codegen) => {
  it("an f32 NaN with a payload and a signalling f64 NaN made in wasm", async () => {
    const { store, func, storageOf } = await setup(codegen);
    const f32 = resultsOf(store, func("f32Nan"), storageOf(func("f32Nan")), []);
    for (const v of Object.values(f32)) expect(v.f32Bits()).toBe(0x7fa00001);
    const f64 = resultsOf(store, func("f64Snan"), storageOf(func("f64Snan")), []);
    for (const v of Object.values(f64)) expect(v.f64Bits()).toBe(0x7ff0000000000001n);
  });

  it("f64 NaNs, -0 and negatives made in wasm, into cells, arrays and sinks", async () => {
    const { store, func, storageOf } = await setup(codegen);
    const f = func("f64OfBits");
    const storage = storageOf(f);
    for (const bits of F64_BITS) {
      for (const [kind, v] of Object.entries(resultsOf(store, f, storage, [Val.i64(bits)]))) {
        expect(v.f64Bits().toString(16), `${kind} ${bits.toString(16)}`).toBe(bits.toString(16));
      }
    }
  });

  it("f32 NaNs, -0 and negatives made in wasm, into cells, arrays and sinks", async () => {
    const { store, func, storageOf } = await setup(codegen);
    const f = func("f32OfBits");
    const storage = storageOf(f);
    for (const bits of F32_BITS) {
      for (const [kind, v] of Object.entries(resultsOf(store, f, storage, [Val.i32(bits)]))) {
        expect(v.f32Bits().toString(16), `${kind} ${bits.toString(16)}`).toBe(bits.toString(16));
      }
    }
  });

  it("f64 and f32 arguments, NaN payloads too, passed through to the result", async () => {
    const { store, func, storageOf } = await setup(codegen);
    const id64 = func("id64");
    const id32 = func("id32");
    for (const bits of F64_BITS) {
      for (const [kind, v] of Object.entries(
        resultsOf(store, id64, storageOf(id64), [Val.f64Bits(bits)]),
      )) {
        expect(v.f64Bits().toString(16), `${kind} ${bits.toString(16)}`).toBe(bits.toString(16));
      }
    }
    for (const bits of F32_BITS) {
      for (const [kind, v] of Object.entries(
        resultsOf(store, id32, storageOf(id32), [Val.f32Bits(bits)]),
      )) {
        expect(v.f32Bits().toString(16), `${kind} ${bits.toString(16)}`).toBe(bits.toString(16));
      }
    }
  });

  it("both results of a call nested through the same storage, sinks included", async () => {
    const { store, hooks, func, storageOf } = await setup(codegen);
    const viaHost = func("viaHost");
    const id64 = func("id64");
    // viaHost and id64 share a type, so one storage serves both.
    const storage = storageOf(viaHost);
    const inner: Val[] = [];
    hooks.host = (x) => {
      callWithStorage(store, id64, storage, [Val.f64Bits(0x7ff0000000000001n)], (v) => {
        inner.push(v);
      });
      callWithStorage(store, id64, storage, [Val.f64Bits(0xc004000000000000n)], (v) => {
        inner.push(v);
      });
      return x;
    };
    let outer: Val | undefined;
    callWithStorage(store, viaHost, storage, [Val.f64Bits(0x3ff0000080000000n)], (v) => {
      outer = v;
    });
    expect(inner.map((v) => v.f64Bits())).toEqual([0x7ff0000000000001n, 0xc004000000000000n]);
    expect(outer?.f64Bits()).toBe(0xbff0000080000000n);
    const cell = Val.cell();
    callWithStorage(store, viaHost, storage, [Val.f64Bits(0x7ff4000000000000n)], [cell]);
    expect(cell.f64Bits()).toBe(0xfff4000000000000n);
    expect(inner.map((v) => v.f64Bits()).slice(2)).toEqual([
      0x7ff0000000000001n,
      0xc004000000000000n,
    ]);
  });
});
