import { ExportNotFoundError, Val } from "@wasmcall/core-types";
import { Engine, Func, Global, Instance, Memory, Module, Store, Table } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

async function instance(): Promise<Instance> {
  const engine = new Engine();
  const store = new Store(engine);
  const bytes = await wat(`(module
    (func (export "f") (result i32) i32.const 7)
    (global (export "g") i32 (i32.const 1))
    (table (export "t") 1 funcref)
    (memory (export "m") 1))`);
  return new Instance(store, new Module(engine, bytes), []);
}

function thrown(f: () => unknown): ExportNotFoundError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ExportNotFoundError);
    return e as ExportNotFoundError;
  }
  throw new Error("nothing thrown");
}

describe("Instance export getters", () => {
  it("return each export as its own kind, the same object getExport gives", async () => {
    const i = await instance();
    expect(i.func("f")).toBeInstanceOf(Func);
    expect(i.func("f")).toBe(i.getExport("f"));
    expect(i.global("g")).toBeInstanceOf(Global);
    expect(i.global("g").get().equals(Val.i32(1))).toBe(true);
    expect(i.table("t")).toBeInstanceOf(Table);
    expect(i.memory("m")).toBeInstanceOf(Memory);
  });

  it("throw ExportNotFoundError naming the export, the kind asked for and the kind found", async () => {
    const i = await instance();
    const other = thrown(() => i.func("m"));
    expect(other.message).toBe('export "m": expected a func, found a memory');
    expect(other.code).toBe("EXPORT_NOT_FOUND");
    expect([other.exportName, other.expected, other.actual]).toEqual(["m", "func", "memory"]);
    expect(thrown(() => i.memory("f")).message).toBe('export "f": expected a memory, found a func');
    expect(thrown(() => i.table("g")).actual).toBe("global");
    expect(thrown(() => i.global("t")).actual).toBe("table");
    const none = thrown(() => i.func("run"));
    expect(none.message).toBe('export "run": expected a func, found none (exports: f, g, t, m)');
    expect(none.actual).toBeUndefined();
  });

  it("leave the undefined-returning getters as they are", async () => {
    const i = await instance();
    expect(i.getFunc("m")).toBeUndefined();
    expect(i.getMemory("m")).toBe(i.memory("m"));
  });
});
