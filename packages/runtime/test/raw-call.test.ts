import { V128, Val } from "@wasmcall/core-types";
import { Engine, Func, Instance, Module, Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

const ALL = "v128 f32 f64 i64 externref funcref";

const echoText = `(module
  (func (export "echo") (param ${ALL}) (result ${ALL})
    local.get 0 local.get 1 local.get 2 local.get 3 local.get 4 local.get 5))`;

async function setup() {
  const engine = new Engine();
  const store = new Store(engine);
  const instance = new Instance(store, new Module(engine, await wat(echoText)), []);
  const echo = instance.getFunc("echo") as Func;
  return { engine, store, instance, echo };
}

function sampleValues(func: Func): Val[] {
  return [
    Val.v128(V128.fromI32x4([1, -2, 0x7fffffff, 0x80000000])),
    Val.f32Bits(0x7fa00000),
    Val.f64Bits(0x7ff4000000000001n),
    Val.i64(-(2n ** 63n)),
    Val.externref({ tag: "unique" }),
    Val.funcref(func),
  ];
}

function writeParams(store: Store, values: readonly Val[]): void {
  values.forEach((v, i) => {
    store.slots.write(i, v);
  });
}

function readResults(store: Store, func: Func): Val[] {
  return func.ty().results.map((t, i) => store.slots.read(i, t));
}

describe("raw call over slots", () => {
  it("returns every value type bit for bit", async () => {
    const { store, echo } = await setup();
    const values = sampleValues(echo);
    writeParams(store, values);
    echo.callRaw();
    const results = readResults(store, echo);
    expect(results[0]?.v128().i32x4()).toEqual(new Int32Array([1, -2, 0x7fffffff, -0x80000000]));
    expect(results[1]?.f32Bits()).toBe(0x7fa00000);
    expect(results[2]?.f64Bits()).toBe(0x7ff4000000000001n);
    expect(results[3]?.i64()).toBe(-(2n ** 63n));
    expect(results[4]?.externref()).toBe(values[4]?.externref());
    expect(results[5]?.funcref()).toBe(echo);
    results.forEach((r, i) => {
      expect(r.equals(values[i] as Val)).toBe(true);
    });
  });

  it("passes i64 2^63-1 and a null funcref", async () => {
    const { store, echo } = await setup();
    const values = sampleValues(echo);
    values[3] = Val.i64(2n ** 63n - 1n);
    values[5] = Val.funcref(null);
    writeParams(store, values);
    echo.callRaw();
    const results = readResults(store, echo);
    expect(results[3]?.i64()).toBe(2n ** 63n - 1n);
    expect(results[5]?.funcref()).toBeNull();
  });
});

describe("host function of every value type", () => {
  it("is called from wasm and passes every value bit for bit both ways", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const type = engine.funcType(
      ["v128", "f32", "f64", "i64", "externref", "funcref"],
      ["v128", "f32", "f64", "i64", "externref", "funcref"],
    );
    const seen: Val[][] = [];
    const host = Func.host(store, type, (params, results) => {
      seen.push([...params]);
      params.forEach((p, i) => {
        results[i] = p;
      });
    });
    const module = new Module(
      engine,
      await wat(`(module
        (import "env" "host" (func $host (param ${ALL}) (result ${ALL})))
        (func (export "viaHost") (param ${ALL}) (result ${ALL})
          local.get 0 local.get 1 local.get 2 local.get 3 local.get 4 local.get 5
          call $host))`),
    );
    const instance = new Instance(store, module, [host]);
    const viaHost = instance.getFunc("viaHost") as Func;
    const values = sampleValues(host);
    writeParams(store, values);
    viaHost.callRaw();
    const results = readResults(store, viaHost);
    expect(seen).toHaveLength(1);
    seen[0]?.forEach((p, i) => {
      expect(p.equals(values[i] as Val)).toBe(true);
    });
    results.forEach((r, i) => {
      expect(r.equals(values[i] as Val)).toBe(true);
    });
    expect(results[1]?.f32Bits()).toBe(0x7fa00000);
    expect(results[2]?.f64Bits()).toBe(0x7ff4000000000001n);
    expect(results[5]?.funcref()).toBe(host);
  });
});
