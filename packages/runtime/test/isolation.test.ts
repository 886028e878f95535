import { createRequire } from "node:module";
import { type FuncHandle, StoreMismatchError, TypeMismatchError, Val } from "@wasmcall/core-types";
import { checkCall, Engine, Func, Global, Instance, Module, Store, Table } from "@wasmcall/runtime";
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
});
