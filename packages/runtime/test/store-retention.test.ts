import v8 from "node:v8";
import vm from "node:vm";
import { V128, Val } from "@wasmcall/core-types";
import { Engine, Func, Global, Instance, Module, Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/**
 * Collects garbage until every object of `refs` is gone or ten full collections have run (a
 * turn of the event loop between them, so that no `WeakRef` target is held for the current
 * job); returns how many are still alive.
 */
async function aliveAfterGc(refs: readonly WeakRef<object>[]): Promise<number> {
  for (let i = 0; i < 10 && refs.some((r) => r.deref() !== undefined); i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
  return refs.filter((r) => r.deref() !== undefined).length;
}

/**
 * Runs `make` and returns, beside what it returns, a `WeakRef` to every WebAssembly instance
 * made meanwhile: the instance `make` makes and every trampoline or accessor instance the
 * runtime makes for it.
 */
function trackingInstances<T>(make: () => T): { made: WeakRef<object>[]; result: T } {
  const original = WebAssembly.Instance;
  const made: WeakRef<object>[] = [];
  class Tracked extends original {
    constructor(module: WebAssembly.Module, imports?: WebAssembly.Imports) {
      super(module, imports);
      made.push(new WeakRef(this));
    }
  }
  WebAssembly.Instance = Tracked;
  try {
    return { made, result: make() };
  } finally {
    WebAssembly.Instance = original;
  }
}

/** Writes `values` to the store's slots 0.., calls `func` raw, returns its results. */
function callRaw(func: Func, ...values: Val[]): Val[] {
  const slots = func.store.slots;
  values.forEach((v, i) => {
    slots.write(i, v);
  });
  func.callRaw();
  return func.ty().results.map((t, i) => slots.read(i, t));
}

const PAGE = 65536;

/** A module of 16 pages, all written by its start function, exporting a v128 add. */
const addV128Text = `(module
  (memory (export "memory") 16)
  (func $fill (memory.fill (i32.const 0) (i32.const 1) (i32.const ${16 * PAGE})))
  (start $fill)
  (func (export "add") (param v128 v128) (result v128)
    local.get 0 local.get 1 i32x4.add)
  (func (export "div") (param f32 f32) (result f32)
    local.get 0 local.get 1 f32.div))`;

const ONE_TWO = Val.v128(V128.fromI32x4([1, 2, 3, 4]));

describe("a live store keeps nothing of what was dropped", () => {
  it("collects an instance, its memory and its functions after calls through the slots", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const module = new Module(engine, await wat(addV128Text));
    const { made, result: refs } = trackingInstances(() =>
      Array.from({ length: 10 }, () => {
        const instance = new Instance(store, module, []);
        const add = instance.getFunc("add") as Func;
        const div = instance.getFunc("div") as Func;
        expect(callRaw(add, ONE_TWO, ONE_TWO)[0]?.v128().i32x4()).toEqual(
          new Int32Array([2, 4, 6, 8]),
        );
        expect(callRaw(div, Val.f32Bits(0x7fa00000), Val.f32(1))[0]?.type).toBe("f32");
        const memory = instance.getMemory("memory");
        return [instance, add, div, memory?.js as object].map((o) => new WeakRef(o));
      }).flat(),
    );
    expect(made.length).toBeGreaterThanOrEqual(30);
    expect(await aliveAfterGc([...refs, ...made])).toBe(0);
    // The store goes on working.
    const add = new Instance(store, module, []).getFunc("add") as Func;
    expect(callRaw(add, ONE_TWO, ONE_TWO)[0]?.v128().i32x4()).toEqual(new Int32Array([2, 4, 6, 8]));
  });

  it("collects host functions made with Func.host and Func.hostRaw, called from wasm", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const type = engine.funcType(["v128", "externref"], ["v128", "externref"]);
    const caller = new Module(
      engine,
      await wat(`(module
        (import "env" "host" (func $host (param v128 externref) (result v128 externref)))
        (func (export "call") (param v128 externref) (result v128 externref)
          local.get 0 local.get 1 call $host))`),
    );
    const { made, result: refs } = trackingInstances(() =>
      Array.from({ length: 10 }, () => {
        const host = Func.host(store, type, ([v, x], results) => {
          results[0] = v as Val;
          results[1] = x as Val;
        });
        const raw = Func.hostRaw(store, type, () => {});
        const tag = { tag: "passed through" };
        return [host, raw].flatMap((f) => {
          const viaWasm = new Instance(store, caller, [f]).getFunc("call") as Func;
          const [v, x] = callRaw(viaWasm, ONE_TWO, Val.externref(tag));
          expect(v?.v128().i32x4()).toEqual(new Int32Array([1, 2, 3, 4]));
          expect(x?.externref()).toBe(tag);
          callRaw(f, ONE_TWO, Val.externref(null));
          return [f, viaWasm, tag].map((o) => new WeakRef(o));
        });
      }).flat(),
    );
    expect(await aliveAfterGc([...refs, ...made])).toBe(0);
  });

  it("keeps no reference passed through its slots, as argument or as result", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const echo = new Instance(
      store,
      new Module(
        engine,
        await wat(`(module
          (func (export "echo") (param funcref externref v128) (result funcref externref v128)
            local.get 0 local.get 1 local.get 2))`),
      ),
      [],
    ).getFunc("echo") as Func;
    const module = new Module(engine, await wat(addV128Text));
    const type = echo.ty();
    // Its entry trampoline, made on its first call, lives as long as echo.
    callRaw(echo, Val.funcref(null), Val.externref(null), ONE_TWO);
    const { made, result: refs } = trackingInstances(() =>
      Array.from({ length: 10 }, () => {
        const add = new Instance(store, module, []).getFunc("add") as Func;
        const tag = { tag: "passed" };
        const [f, x] = callRaw(echo, Val.funcref(add), Val.externref(tag), ONE_TWO);
        expect(f?.funcref()).toBe(add);
        expect(x?.externref()).toBe(tag);
        const host = Func.host(store, type, (params, results) => {
          params.forEach((p, i) => {
            results[i] = p;
          });
        });
        const [g, y] = callRaw(host, Val.funcref(add), Val.externref(tag), ONE_TWO);
        expect(g?.funcref()).toBe(add);
        expect(y?.externref()).toBe(tag);
        return [add, tag, host].map((o) => new WeakRef(o));
      }).flat(),
    );
    expect(await aliveAfterGc([...refs, ...made])).toBe(0);
  });

  it("collects globals read and written through their accessors", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const { made, result: refs } = trackingInstances(() =>
      Array.from({ length: 10 }, () => {
        const before = { value: "before" };
        const after = { value: "after" };
        const ref = Global.create(
          store,
          { content: "externref", mutable: true },
          Val.externref(before),
        );
        expect(ref.get().externref()).toBe(before);
        ref.set(Val.externref(after));
        expect(ref.get().externref()).toBe(after);
        const f64 = Global.create(store, { content: "f64", mutable: true }, Val.f64(1));
        f64.set(Val.f64Bits(0x7ff4000000000001n));
        expect(f64.get().f64Bits()).toBe(0x7ff4000000000001n);
        const v128 = Global.create(store, { content: "v128", mutable: false }, ONE_TWO);
        expect(v128.get().equals(ONE_TWO)).toBe(true);
        return [ref, f64, v128, before, after].map((o) => new WeakRef(o));
      }).flat(),
    );
    expect(await aliveAfterGc([...refs, ...made])).toBe(0);
  });

  it("is itself collected when dropped, with everything it made", async () => {
    const engine = new Engine();
    const module = new Module(engine, await wat(addV128Text));
    const { made, result: refs } = trackingInstances(() => {
      const store = new Store(engine);
      const add = new Instance(store, module, []).getFunc("add") as Func;
      callRaw(add, ONE_TWO, ONE_TWO);
      const host = Func.host(store, engine.funcType(["funcref"], ["funcref"]), ([f], r) => {
        r[0] = f as Val;
      });
      callRaw(host, Val.funcref(add));
      return [store, add, host].map((o) => new WeakRef(o));
    });
    expect(await aliveAfterGc([...refs, ...made])).toBe(0);
  });

  it("keeps far less than 1000 MiB after 1000 instances of 16 pages each called once with a v128", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const module = new Module(engine, await wat(addV128Text));
    await aliveAfterGc([]);
    gc();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 1000; i++) {
      callRaw(new Instance(store, module, []).getFunc("add") as Func, ONE_TWO, ONE_TWO);
    }
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    const grown = (process.memoryUsage().rss - before) / 2 ** 20;
    expect(grown, `rss grew by ${grown.toFixed(0)} MiB`).toBeLessThan(200);
  }, 60_000);
});
