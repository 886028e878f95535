import { createRequire } from "node:module";
import { type FuncHandle, StoreMismatchError, TypeMismatchError, Val } from "@wasmcall/core-types";
import {
  checkCall,
  Engine,
  Func,
  Global,
  Instance,
  Memory,
  Module,
  Store,
  Table,
} from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

const BYTES = await wat(`(module (func (export "inc") (param i32) (result i32)
  (i32.add (local.get 0) (i32.const 1))))`);

function inc(store: Store): Func {
  const func = new Instance(store, new Module(store.engine, BYTES), []).getFunc("inc");
  if (func === undefined) throw new Error("no inc");
  return func;
}

describe("store isolation", () => {
  it("keeps a Func's fields as they were made", () => {
    const a = new Store(new Engine());
    const f = inc(a);
    expect(() => {
      (f as unknown as { store: Store }).store = new Store(a.engine);
    }).toThrow(TypeError);
    expect(() => Object.defineProperty(f, "js", { value: () => 0 })).toThrow(TypeError);
    expect(f.store).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it("refuses to wrap another store's function for wasm to call", () => {
    const engine = new Engine();
    const a = new Store(engine);
    const fromB = inc(new Store(engine));
    const error = (() => {
      try {
        Func.wrap(a, fromB.ty(), fromB.js);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StoreMismatchError);
    expect(String(error)).toContain("another store");
    const own = inc(a);
    expect(Func.wrap(a, own.ty(), own.js).ty()).toBe(own.ty());
  });

  it("refuses a funcref of a forged Func in tables and globals with a typed error", () => {
    const engine = new Engine();
    const a = new Store(engine);
    const fromB = inc(new Store(engine));
    const forged = { ty: () => fromB.ty(), store: a, js: fromB.js } as unknown as FuncHandle;
    const table = { element: "funcref", min: 1 } as const;
    expect(() => Table.create(a, table, Val.funcref(forged))).toThrow(TypeMismatchError);
    const global = { content: "funcref", mutable: true } as const;
    expect(() => Global.create(a, global, Val.funcref(forged))).toThrow(TypeMismatchError);
    const t = Table.create(a, table, Val.funcref(null));
    expect(() => t.set(0, Val.funcref(forged))).toThrow(TypeMismatchError);
    expect(t.get(0)?.funcref()).toBe(null);
  });

  it("refuses a store made of anything but an Engine", () => {
    expect(() => new Store({} as Engine)).toThrow(TypeMismatchError);
    expect(() => new Store(Object.create(Engine.prototype))).toThrow(TypeMismatchError);
  });
});

describe("values of another copy of the package", () => {
  it("are named as such: the ES module and the CommonJS build loaded together", () => {
    const require = createRequire(import.meta.url);
    const cjs = require("@wasmcall/core-types") as typeof import("@wasmcall/core-types");
    expect(cjs.Val).not.toBe(Val);
    const store = new Store(new Engine());
    const f = inc(store);
    expect(() => checkCall(store, f, f.ty(), [cjs.Val.i32(1)], [Val.cell()])).toThrow(
      "argument 0: expected i32, found a Val of another copy of @wasmcall/core-types",
    );
  });

  it("imports only the globals, tables and memories a store made, whatever their fields say", async () => {
    const engine = new Engine();
    const a = new Store(engine);
    const b = new Store(engine);
    const importer = new Module(
      engine,
      await wat(`(module
        (import "env" "g" (global (mut i32)))
        (import "env" "t" (table 1 funcref))
        (import "env" "m" (memory 1))
        (func (export "set") (param i32) (global.set 0 (local.get 0)))
        (func (export "call0") (result i32) (call_indirect (result i32) (i32.const 0))))`),
    );
    const own = (store: Store) => ({
      g: Global.create(store, { content: "i32", mutable: true }, Val.i32(0)),
      t: Table.create(store, { element: "funcref", min: 1 }, Val.funcref(null)),
      m: Memory.create(store, { min: 1, shared: false }),
    });
    const inA = own(a);
    const inB = own(b);
    new Instance(a, importer, [inA.g, inA.t, inA.m]); // a store's own items are accepted
    // store B's items dressed as store A's: a wrapper made outside the runtime, or a real one
    // whose fields were changed, would let store A's wasm reach store B's state.
    const dressed = <T extends object>(real: T): T =>
      Object.assign(Object.create(Object.getPrototypeOf(real)), real, { store: a });
    const relabelled = own(b);
    for (const item of [relabelled.g, relabelled.t, relabelled.m]) {
      (item as { store: Store }).store = a;
    }
    const attempts: [string, unknown[]][] = [
      ["forged global", [dressed(inB.g), inA.t, inA.m]],
      ["forged table", [inA.g, dressed(inB.t), inA.m]],
      ["forged memory", [inA.g, inA.t, dressed(inB.m)]],
      ["relabelled global", [relabelled.g, inA.t, inA.m]],
      ["relabelled table", [inA.g, relabelled.t, inA.m]],
      ["relabelled memory", [inA.g, inA.t, relabelled.m]],
    ];
    for (const [what, items] of attempts) {
      expect(() => new Instance(a, importer, items as never), what).toThrow(StoreMismatchError);
    }
    expect(() => new Instance(a, importer, [dressed(inB.g), inA.t, inA.m])).toThrow(
      'import "env" "g": the Global was not made by this store',
    );
    expect(inB.g.get().i32()).toBe(0);
  });

  it("imports a global another instance of the store exported", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const exporter = new Instance(
      store,
      new Module(engine, await wat(`(module (global (export "g") (mut i32) (i32.const 7)))`)),
      [],
    );
    const g = exporter.global("g");
    const reader = new Instance(
      store,
      new Module(
        engine,
        await wat(`(module (import "env" "g" (global (mut i32)))
          (func (export "get") (result i32) (global.get 0)))`),
      ),
      [g],
    );
    const results = [Val.cell()];
    reader.func("get").plan().call(store, reader.func("get"), [], results, store);
    expect(results[0]?.i32()).toBe(7);
  });
});
