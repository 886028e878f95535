import { ArityMismatchError, LinkError, StoreMismatchError, Trap, Val } from "@wasmcall/core-types";
import {
  Engine,
  type Extern,
  Func,
  Global,
  Instance,
  Linker,
  Memory,
  Module,
  Store,
  Table,
} from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { call, thrown } from "./support/slot-call.js";

function setup() {
  const engine = new Engine();
  return { engine, store: new Store(engine), linker: new Linker(engine) };
}

async function module(engine: Engine, text: string): Promise<Module> {
  return new Module(engine, await wat(text));
}

function linkError(action: () => unknown): LinkError {
  const error = thrown(action);
  expect(error).toBeInstanceOf(LinkError);
  expect((error as LinkError).code).toBe("LINK");
  return error as LinkError;
}

describe("Linker define and get", () => {
  it("returns what was defined, and undefined for what was not", () => {
    const { engine, store, linker } = setup();
    const f = Func.host(store, engine.funcType([], []), () => {});
    const g = Global.create(store, { content: "i32", mutable: false }, Val.i32(1));
    expect(linker.define("env", "f", f).define("env", "g", g)).toBe(linker);
    expect(linker.get("env", "f")).toBe(f);
    expect(linker.get("env", "g")).toBe(g);
    expect(linker.get("env", "h")).toBeUndefined();
    expect(linker.get("other", "f")).toBeUndefined();
  });

  it("refuses to define a name twice unless shadowing is allowed", () => {
    const { engine, store, linker } = setup();
    const a = Func.host(store, engine.funcType([], []), () => {});
    const b = Func.host(store, engine.funcType([], []), () => {});
    linker.define("env", "f", a);
    const error = linkError(() => linker.define("env", "f", b));
    expect(error.module).toBe("env");
    expect(error.field).toBe("f");
    expect(error.message).toBe('import "env" "f": defined twice');
    expect(linker.get("env", "f")).toBe(a);
    // The same field under another module name is another name.
    linker.define("env2", "f", b);
    linker.allowShadowing = true;
    linker.define("env", "f", b);
    expect(linker.get("env", "f")).toBe(b);
  });

  it("instantiates with every import kind found by name", async () => {
    const { engine, store, linker } = setup();
    const f = Func.host(store, engine.funcType(["i32"], ["i32"]), ([x], r) => {
      r[0] = Val.i32((x as Val).i32() * 10);
    });
    linker
      .define("env", "f", f)
      .define("env", "g", Global.create(store, { content: "i32", mutable: true }, Val.i32(4)))
      .define("env", "t", Table.create(store, { element: "funcref", min: 1 }, Val.funcref(f)))
      .define("env", "m", Memory.create(store, { min: 1, shared: false }));
    const m = await module(
      engine,
      `(module
        (type $t (func (param i32) (result i32)))
        (import "env" "m" (memory 1))
        (import "env" "t" (table 1 funcref))
        (import "env" "g" (global $g (mut i32)))
        (import "env" "f" (func $f (type $t)))
        (func (export "run") (result i32)
          global.get $g i32.const 0 call_indirect (type $t) call $f
          i32.const 0 i32.load i32.add)
        (data (i32.const 0) "\\05"))`,
    );
    const instance = linker.instantiate(store, m);
    expect(instance).toBeInstanceOf(Instance);
    expect(instance.store).toBe(store);
    expect(instance.module).toBe(m);
    expect(call(instance.getFunc("run") as Func)[0]?.i32()).toBe(405);
  });

  it("defines an instance's exports under a module name", async () => {
    const { engine, store, linker } = setup();
    const lib = linker.instantiate(
      store,
      await module(
        engine,
        `(module
          (func (export "twice") (param i32) (result i32) local.get 0 i32.const 2 i32.mul)
          (global (export "base") i32 (i32.const 100))
          (memory (export "mem") 1))`,
      ),
    );
    linker.defineInstance("lib", lib);
    for (const [name, item] of lib.exports()) expect(linker.get("lib", name)).toBe(item);
    const app = linker.instantiate(
      store,
      await module(
        engine,
        `(module
          (import "lib" "twice" (func $twice (param i32) (result i32)))
          (import "lib" "base" (global $base i32))
          (func (export "run") (param i32) (result i32)
            local.get 0 call $twice global.get $base i32.add))`,
      ),
    );
    expect(call(app.getFunc("run") as Func, Val.i32(21))[0]?.i32()).toBe(142);
    // Defining the same instance again clashes on its first name.
    expect(() => linker.defineInstance("lib", lib)).toThrow(LinkError);
  });
});

describe("Linker errors", () => {
  it("names the module and field of a missing import", async () => {
    const { engine, store, linker } = setup();
    linker.define(
      "env",
      "present",
      Func.host(store, engine.funcType([], []), () => {}),
    );
    const m = await module(
      engine,
      `(module (import "env" "present" (func)) (import "wasi" "fd_write" (func (param i32))))`,
    );
    const error = linkError(() => linker.instantiate(store, m));
    expect(error.module).toBe("wasi");
    expect(error.field).toBe("fd_write");
    expect(error.message).toMatch(/^import "wasi" "fd_write": unknown import/);
  });

  it("prints a mismatched function type as WAT", async () => {
    const { engine, store, linker } = setup();
    linker.define(
      "env",
      "f",
      Func.host(store, engine.funcType(["i64"], ["i32"]), () => {}),
    );
    const m = await module(engine, `(module (import "env" "f" (func (param i32))))`);
    const error = linkError(() => linker.instantiate(store, m));
    expect(error.module).toBe("env");
    expect(error.field).toBe("f");
    expect(error.message).toBe(
      'import "env" "f": incompatible import type: expected (func (param i32)), found (func (param i64) (result i32))',
    );
  });

  it("refuses an item of another kind", async () => {
    const { engine, store, linker } = setup();
    linker.define("env", "f", Memory.create(store, { min: 1, shared: false }));
    const m = await module(engine, `(module (import "env" "f" (func)))`);
    expect(linkError(() => linker.instantiate(store, m)).message).toBe(
      'import "env" "f": incompatible import type: expected (func), found (memory 1)',
    );
  });

  it("refuses a global of the wrong mutability or content type", async () => {
    const { engine, store, linker } = setup();
    const m = await module(engine, `(module (import "env" "g" (global (mut i32))))`);
    linker.allowShadowing = true;
    linker.define("env", "g", Global.create(store, { content: "i32", mutable: false }, Val.i32(0)));
    expect(linkError(() => linker.instantiate(store, m)).message).toBe(
      'import "env" "g": incompatible import type: expected (global (mut i32)), found (global i32)',
    );
    linker.define("env", "g", Global.create(store, { content: "i64", mutable: true }, Val.i64(0n)));
    expect(linkError(() => linker.instantiate(store, m)).message).toContain("(global (mut i64))");
    const immutable = await module(engine, `(module (import "env" "g" (global i64)))`);
    expect(() => linker.instantiate(store, immutable)).toThrow(LinkError);
    linker.define("env", "g", Global.create(store, { content: "i32", mutable: true }, Val.i32(0)));
    expect(linker.instantiate(store, m)).toBeInstanceOf(Instance);
  });

  it("checks table limits and element type", async () => {
    const { engine, store, linker } = setup();
    linker.allowShadowing = true;
    const m = await module(engine, `(module (import "env" "t" (table 2 5 funcref)))`);
    const table = (min: number, max?: number) =>
      Table.create(store, { element: "funcref", min, max }, Val.funcref(null));
    const cases: [Table, string][] = [
      [table(1, 5), "found (table 1 5 funcref)"], // min too small
      [table(2), "found (table 2 funcref)"], // max missing
      [table(2, 6), "found (table 2 6 funcref)"], // max too large
      [
        Table.create(store, { element: "externref", min: 2, max: 5 }, Val.externref(null)),
        "found (table 2 5 externref)",
      ],
    ];
    for (const [item, found] of cases) {
      linker.define("env", "t", item);
      const error = linkError(() => linker.instantiate(store, m));
      expect(error.message).toBe(
        `import "env" "t": incompatible import type: expected (table 2 5 funcref), ${found}`,
      );
    }
    for (const ok of [table(2, 5), table(3, 4), table(5, 5)]) {
      linker.define("env", "t", ok);
      expect(linker.instantiate(store, m)).toBeInstanceOf(Instance);
    }
    // A table's current size is what counts: grown, a too small table fits.
    const small = table(1, 5);
    linker.define("env", "t", small);
    expect(() => linker.instantiate(store, m)).toThrow(LinkError);
    small.grow(1, Val.funcref(null));
    expect(linker.instantiate(store, m)).toBeInstanceOf(Instance);
  });

  it("checks memory limits", async () => {
    const { engine, store, linker } = setup();
    linker.allowShadowing = true;
    const bounded = await module(engine, `(module (import "env" "m" (memory 2 4)))`);
    const unbounded = await module(engine, `(module (import "env" "m" (memory 1)))`);
    const memory = (min: number, max?: number) => Memory.create(store, { min, max, shared: false });
    const cases: [Memory, string][] = [
      [memory(1, 4), "(memory 1 4)"],
      [memory(2), "(memory 2)"],
      [memory(2, 5), "(memory 2 5)"],
    ];
    for (const [item, found] of cases) {
      linker.define("env", "m", item);
      expect(linkError(() => linker.instantiate(store, bounded)).message).toBe(
        `import "env" "m": incompatible import type: expected (memory 2 4), found ${found}`,
      );
    }
    linker.define("env", "m", memory(3, 4));
    expect(linker.instantiate(store, bounded)).toBeInstanceOf(Instance);
    linker.define("env", "m", memory(0));
    expect(linkError(() => linker.instantiate(store, unbounded)).message).toContain(
      "expected (memory 1), found (memory 0)",
    );
    linker.define("env", "m", memory(1, 1));
    expect(linker.instantiate(store, unbounded)).toBeInstanceOf(Instance);
  });

  it("refuses an item of another store", async () => {
    const { engine, store, linker } = setup();
    const otherStore = new Store(engine);
    linker.define(
      "env",
      "f",
      Func.host(otherStore, engine.funcType([], []), () => {}),
    );
    const m = await module(engine, `(module (import "env" "f" (func)))`);
    expect(() => linker.instantiate(store, m)).toThrow(StoreMismatchError);
    expect(() => new Instance(store, m, [linker.get("env", "f") as Extern])).toThrow(
      StoreMismatchError,
    );
    const g = Global.create(otherStore, { content: "i32", mutable: false }, Val.i32(0));
    const mg = await module(engine, `(module (import "env" "g" (global i32)))`);
    expect(() => new Instance(store, mg, [g])).toThrow(StoreMismatchError);
  });

  it("refuses a module of another engine", async () => {
    const { store, linker } = setup();
    const other = new Engine();
    const m = await module(other, `(module (func (export "f")))`);
    const error = thrown(() => linker.instantiate(store, m));
    expect(error).toBeInstanceOf(StoreMismatchError);
    expect((error as StoreMismatchError).code).toBe("STORE_MISMATCH");
    expect(() => new Instance(store, m, [])).toThrow(StoreMismatchError);
    // A linker of the module's engine with a store of another engine: refused too.
    expect(() => new Linker(other).instantiate(store, m)).toThrow(StoreMismatchError);
  });

  it("throws Trap when the start function traps", async () => {
    const { engine, store, linker } = setup();
    let started = 0;
    linker.define(
      "env",
      "started",
      Func.host(store, engine.funcType([], []), () => {
        started++;
      }),
    );
    const m = await module(
      engine,
      `(module (import "env" "started" (func $s)) (func $start call $s unreachable) (start $start))`,
    );
    const error = thrown(() => linker.instantiate(store, m));
    expect(error).toBeInstanceOf(Trap);
    expect((error as Trap).trapCode).toBe("UNREACHABLE");
    expect((error as Trap).cause).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(started).toBe(1);
    expect(() => new Instance(store, m, [linker.get("env", "started") as Extern])).toThrow(Trap);
    // The store works afterwards.
    const ok = await module(engine, `(module (func (export "f") (result i32) i32.const 3))`);
    expect(call(linker.instantiate(store, ok).getFunc("f") as Func)[0]?.i32()).toBe(3);
  });

  it("lets a start function's host exception through unchanged", async () => {
    const { engine, store, linker } = setup();
    const boom = new Error("start failed");
    linker.define(
      "env",
      "fail",
      Func.host(store, engine.funcType([], []), () => {
        throw boom;
      }),
    );
    const m = await module(engine, `(module (import "env" "fail" (func $f)) (start $f))`);
    expect(thrown(() => linker.instantiate(store, m))).toBe(boom);
  });

  it("throws Trap for a data segment out of bounds", async () => {
    const { engine, store } = setup();
    const m = await module(engine, `(module (memory 1) (data (i32.const 65535) "ab"))`);
    const error = thrown(() => new Instance(store, m, []));
    expect(error).toBeInstanceOf(Trap);
    expect((error as Trap).trapCode).toBe("MEMORY_OUT_OF_BOUNDS");
  });
});

describe("Instance constructor", () => {
  it("throws LinkError naming the first import missing, ArityMismatchError for too many", async () => {
    const { engine, store } = setup();
    const f = Func.host(store, engine.funcType([], []), () => {});
    const m = await module(engine, `(module (import "env" "a" (func)) (import "env" "b" (func)))`);
    expect(linkError(() => new Instance(store, m, [f])).message).toBe(
      'import "env" "b": unknown import: expected (func) (2 imports, got 1)',
    );
    expect(() => new Instance(store, m, [f, f, f])).toThrow(ArityMismatchError);
    expect(new Instance(store, m, [f, f])).toBeInstanceOf(Instance);
    const none = await module(engine, `(module)`);
    expect(() => new Instance(store, none, [f])).toThrow("Instance: expected 0 imports, got 1");
  });

  it("takes imports in the module's order and checks each", async () => {
    const { engine, store } = setup();
    const f = Func.host(store, engine.funcType([], []), () => {});
    const g = Global.create(store, { content: "f32", mutable: false }, Val.f32(1));
    const m = await module(
      engine,
      `(module (import "a" "f" (func)) (import "a" "g" (global f32)))`,
    );
    expect(new Instance(store, m, [f, g])).toBeInstanceOf(Instance);
    const error = linkError(() => new Instance(store, m, [g, f]));
    expect(error.module).toBe("a");
    expect(error.field).toBe("f");
  });

  it("refuses two different items for one name imported twice", async () => {
    const { engine, store } = setup();
    const t = engine.funcType([], []);
    const a = Func.host(store, t, () => {});
    const b = Func.host(store, t, () => {});
    const m = await module(engine, `(module (import "env" "x" (func)) (import "env" "x" (func)))`);
    expect(new Instance(store, m, [a, a])).toBeInstanceOf(Instance);
    expect(linkError(() => new Instance(store, m, [a, b])).message).toContain("imported twice");
  });
});
