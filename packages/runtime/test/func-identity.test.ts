import { TypeMismatchError, V128, Val } from "@wasmcall/core-types";
import { Engine, Func, type Global, Instance, Module, Store, type Table } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

/** A module whose table `t` and global `g` hold functions it never exports. */
const HOLDER = `(module
  (func $a (param i32) (result i32) local.get 0)
  (func $b (param i32) (result i64) i64.const 2)
  (func $c (param v128 externref funcref) (result v128) local.get 0)
  (table (export "t") 3 funcref)
  (elem (i32.const 0) $a $b $c)
  (global (export "g") funcref (ref.func $b))
  (func (export "get") (param i32) (result funcref) (table.get (local.get 0))))`;

/**
 * A module of functions of the same arity but other types than HOLDER's at the same indices,
 * which it writes into the table it imports.
 */
const FILLER = `(module
  (import "holder" "t" (table 3 funcref))
  (func $x (param i32) (result f32) f32.const 1)
  (func $y (param i32) (result i32 i32) local.get 0 local.get 0)
  (func $z (param i32) (result i64) i64.const 3)
  (elem (i32.const 0) $x $y $z))`;

function fromTable(table: Table, index: number): Func {
  const func = table.get(index)?.funcref();
  if (!(func instanceof Func)) throw new Error(`no function at ${index}`);
  return func;
}

describe("a wasm function reaching the host as a funcref", () => {
  it("is known with its type, and the same Func, from a table, a result and a global", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const instance = new Instance(store, new Module(engine, await wat(HOLDER)), []);
    const table = instance.getTable("t") as Table;
    const [a, b, c] = [0, 1, 2].map((i) => fromTable(table, i)) as [Func, Func, Func];
    expect(a.ty()).toBe(engine.funcType(["i32"], ["i32"]));
    expect(b.ty()).toBe(engine.funcType(["i32"], ["i64"]));
    expect(c.ty()).toBe(engine.funcType(["v128", "externref", "funcref"], ["v128"]));
    expect(String(a)).toBe("func[0] (i32) -> i32");
    expect((instance.getGlobal("g") as Global).get().funcref()).toBe(b);
    const get = instance.getFunc("get") as Func;
    for (const [i, func] of [a, b, c].entries()) {
      store.slots.write(0, Val.i32(i));
      get.callRaw();
      expect(store.slots.read(0, "funcref").funcref()).toBe(func);
    }
    store.slots.write(0, Val.v128(V128.fromI32x4([1, 2, 3, 4])));
    store.slots.write(1, Val.externref(null));
    store.slots.write(2, Val.funcref(a));
    c.callRaw();
    expect(
      store.slots
        .read(0, "v128")
        .v128()
        .equals(V128.fromI32x4([1, 2, 3, 4])),
    ).toBe(true);
  });

  it("gets its own type among types of the same arity, whichever module it comes from", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const holder = new Instance(store, new Module(engine, await wat(HOLDER)), []);
    const table = holder.getTable("t") as Table;
    new Instance(store, new Module(engine, await wat(FILLER)), [table]);
    const types = [0, 1, 2].map((i) => fromTable(table, i).ty());
    expect(types).toEqual([
      engine.funcType(["i32"], ["f32"]),
      engine.funcType(["i32"], ["i32", "i32"]),
      engine.funcType(["i32"], ["i64"]),
    ]);
    expect(fromTable(table, 0)).toBe(fromTable(table, 0));
  });

  it("is known when the start function hands it to a host function", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const module = new Module(
      engine,
      await wat(`(module
        (import "env" "take" (func $take (param funcref)))
        (func $f (param f64) (result f64) local.get 0)
        (elem declare func $f)
        (func $start (call $take (ref.func $f)))
        (start $start))`),
    );
    const taken: unknown[] = [];
    const take = Func.host(store, engine.funcType(["funcref"], []), ([f]) => {
      taken.push((f as Val).funcref());
    });
    new Instance(store, module, [take]);
    expect(taken).toHaveLength(1);
    expect(taken[0]).toBeInstanceOf(Func);
    expect((taken[0] as Func).ty()).toBe(engine.funcType(["f64"], ["f64"]));
    expect((taken[0] as Func).name).toBe("func[1]");
  });

  it("is refused when it is no wasm function, or of no module of the store", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    new Instance(store, new Module(engine, await wat(HOLDER)), []);
    const outside = new WebAssembly.Instance(
      new WebAssembly.Module(
        await wat(`(module (func (export "f") (param f32) (result f32) local.get 0))`),
      ),
    ).exports.f;
    for (const js of [(x: number) => x, outside, {}, 1]) {
      expect(() => store.funcOf(js)).toThrow(TypeMismatchError);
    }
  });
});
