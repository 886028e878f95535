// Every type prints as what it is: extern types as their WAT text, functions as name and type.
import { Val } from "@wasmcall/core-types";
import { Engine, Func, Global, Instance, Memory, Module, Store, Table } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

describe("String of a type", () => {
  it("gives every import and export type its WAT text", async () => {
    const engine = new Engine();
    const module = new Module(
      engine,
      await wat(`(module
        (import "env" "g" (global (mut f32)))
        (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
        (global (export "c") i64 (i64.const 1))
        (table (export "t") 1 10 funcref)
        (memory (export "m") 1 2))`),
    );
    expect(String(module.imports()[0]?.type)).toBe("(global (mut f32))");
    expect(String(module.imports()[0]?.type.type)).toBe("(global (mut f32))");
    expect(module.exports().map((e) => String(e.type))).toEqual([
      "(func (param i32 i32) (result i32))",
      "(global i64)",
      "(table 1 10 funcref)",
      "(memory 1 2)",
    ]);
    expect(module.exports().map((e) => String(e.type.type))).toEqual([
      "(i32, i32) -> i32",
      "(global i64)",
      "(table 1 10 funcref)",
      "(memory 1 2)",
    ]);
    // The text is no field: the types' fields are what they were.
    expect(module.exports()[3]?.type).toEqual({
      kind: "memory",
      type: { min: 1, max: 2, shared: false },
    });
  });

  it("gives the types of created globals, tables and memories their WAT text", () => {
    const store = new Store(new Engine());
    const global = Global.create(store, { content: "i32", mutable: true }, Val.i32(1));
    expect(String(global.type)).toBe("(global (mut i32))");
    const table = Table.create(store, { element: "externref", min: 1 }, Val.externref(null));
    expect(String(table.type)).toBe("(table 1 externref)");
    expect(String(Memory.create(store, { min: 1, max: 3, shared: false }).type)).toBe(
      "(memory 1 3)",
    );
  });

  it("names a function by its name and type", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const instance = new Instance(
      store,
      new Module(
        engine,
        await wat(`(module (func (export "add") (param i32 i32) (result i32) unreachable))`),
      ),
      [],
    );
    expect(String(instance.func("add"))).toBe("add (i32, i32) -> i32");
    const double = Func.host(store, engine.funcType(["i32"], ["i32"]), function double() {});
    expect(String(double)).toBe("host function double (i32) -> i32");
  });
});
