import { CompileError, V128, Val } from "@wasmcall/core-types";
import {
  Engine,
  type ExportType,
  Func,
  Global,
  type ImportType,
  Instance,
  Memory,
  Module,
  Store,
  Table,
} from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

/**
 * Every value type, multi-value, and every import and export kind (one memory: a second needs
 * the multi-memory feature; memories without a maximum are tested apart).
 */
const EVERYTHING = `(module
  (type $all (func (param i32 i64 f32 f64 v128 funcref externref)
                   (result i32 i64 f32 f64 v128 funcref externref)))
  (import "env" "f_all" (func $imp_all (type $all)))
  (import "env" "f_none" (func $imp_none))
  (import "env" "g_i32" (global i32))
  (import "env" "g_i64_mut" (global (mut i64)))
  (import "env" "g_f32" (global f32))
  (import "env" "g_f64_mut" (global (mut f64)))
  (import "env" "g_v128" (global v128))
  (import "env" "g_v128_mut" (global (mut v128)))
  (import "env" "g_funcref_mut" (global (mut funcref)))
  (import "env" "g_externref" (global externref))
  (import "other" "t_funcref" (table 1 funcref))
  (import "other" "t_externref_max" (table 2 10 externref))
  (import "other" "mem_max" (memory 1 4))
  (table $t_funcref_max 3 7 funcref)
  (table $t_externref 0 externref)
  (global $d_i32 (mut i32) (i32.const -5))
  (global $d_i64 i64 (i64.const 7))
  (global $d_f32 (mut f32) (f32.const 1.5))
  (global $d_f64 f64 (f64.const -0.25))
  (global $d_v128 (mut v128) (v128.const i32x4 1 2 3 -4))
  (global $d_funcref funcref (ref.func $multi))
  (global $d_externref (mut externref) (ref.null extern))
  (func $all (type $all)
    local.get 0 local.get 1 local.get 2 local.get 3 local.get 4 local.get 5 local.get 6)
  (func $multi (param i64 externref) (result f64 i32 v128)
    f64.const 1 i32.const 2 v128.const i64x2 3 4)
  (func $hidden (result i32) i32.const 9)
  (export "f_all" (func $all))
  (export "f_multi" (func $multi))
  (export "f_imported" (func $imp_none))
  (export "d_i32" (global $d_i32))
  (export "d_i64" (global $d_i64))
  (export "d_f32" (global $d_f32))
  (export "d_f64" (global $d_f64))
  (export "d_v128" (global $d_v128))
  (export "d_funcref" (global $d_funcref))
  (export "d_externref" (global $d_externref))
  (export "g_v128_reexport" (global 4))
  (export "t_funcref_max" (table $t_funcref_max))
  (export "t_externref" (table $t_externref))
  (export "t_imported" (table 1))
  (export "mem_imported" (memory 0)))`;

describe("Module imports and exports", () => {
  it("gives the exact type of every import and export kind", async () => {
    const engine = new Engine();
    const module = new Module(engine, await wat(EVERYTHING));
    const all = engine.funcType(
      ["i32", "i64", "f32", "f64", "v128", "funcref", "externref"],
      ["i32", "i64", "f32", "f64", "v128", "funcref", "externref"],
    );
    const none = engine.funcType([], []);
    const multi = engine.funcType(["i64", "externref"], ["f64", "i32", "v128"]);

    const imports: ImportType[] = [
      { module: "env", name: "f_all", type: { kind: "func", type: all } },
      { module: "env", name: "f_none", type: { kind: "func", type: none } },
      glob("env", "g_i32", "i32", false),
      glob("env", "g_i64_mut", "i64", true),
      glob("env", "g_f32", "f32", false),
      glob("env", "g_f64_mut", "f64", true),
      glob("env", "g_v128", "v128", false),
      glob("env", "g_v128_mut", "v128", true),
      glob("env", "g_funcref_mut", "funcref", true),
      glob("env", "g_externref", "externref", false),
      { module: "other", name: "t_funcref", type: tableType("funcref", 1) },
      { module: "other", name: "t_externref_max", type: tableType("externref", 2, 10) },
      {
        module: "other",
        name: "mem_max",
        type: { kind: "memory", type: { min: 1, max: 4, shared: false } },
      },
    ];
    expect(module.imports()).toEqual(imports);

    const exports: ExportType[] = [
      { name: "f_all", type: { kind: "func", type: all } },
      { name: "f_multi", type: { kind: "func", type: multi } },
      { name: "f_imported", type: { kind: "func", type: none } },
      { name: "d_i32", type: { kind: "global", type: { content: "i32", mutable: true } } },
      { name: "d_i64", type: { kind: "global", type: { content: "i64", mutable: false } } },
      { name: "d_f32", type: { kind: "global", type: { content: "f32", mutable: true } } },
      { name: "d_f64", type: { kind: "global", type: { content: "f64", mutable: false } } },
      { name: "d_v128", type: { kind: "global", type: { content: "v128", mutable: true } } },
      {
        name: "d_funcref",
        type: { kind: "global", type: { content: "funcref", mutable: false } },
      },
      {
        name: "d_externref",
        type: { kind: "global", type: { content: "externref", mutable: true } },
      },
      {
        name: "g_v128_reexport",
        type: { kind: "global", type: { content: "v128", mutable: false } },
      },
      { name: "t_funcref_max", type: tableType("funcref", 3, 7) },
      { name: "t_externref", type: tableType("externref", 0) },
      { name: "t_imported", type: tableType("externref", 2, 10) },
      {
        name: "mem_imported",
        type: { kind: "memory", type: { min: 1, max: 4, shared: false } },
      },
    ];
    expect(module.exports()).toEqual(exports);
    // Function types are the engine's interned objects, not copies.
    expect(funcTypeOf(module.imports()[0])).toBe(all);
    expect(funcTypeOf(module.imports()[1])).toBe(none);
    expect(funcTypeOf(module.exports()[0])).toBe(all);
    expect(funcTypeOf(module.exports()[1])).toBe(multi);
    expect(funcTypeOf(module.exports()[2])).toBe(none);
    // Limits without a maximum have none (not a maximum of 0).
    const t = module.exports().find((e) => e.name === "t_externref")?.type;
    expect(t?.kind === "table" && t.type.max).toBeUndefined();
  });

  it("gives memory types with and without a maximum", async () => {
    const engine = new Engine();
    const a = new Module(engine, await wat(`(module (memory (export "m") 2))`));
    const b = new Module(engine, await wat(`(module (memory (export "m") 0 3))`));
    const c = new Module(engine, await wat(`(module (import "x" "y" (memory 5)))`));
    expect(a.exports()).toEqual([
      { name: "m", type: { kind: "memory", type: { min: 2, shared: false } } },
    ]);
    const aType = a.exports()[0]?.type;
    expect(aType?.kind === "memory" && aType.type.max).toBeUndefined();
    expect(b.exports()).toEqual([
      { name: "m", type: { kind: "memory", type: { min: 0, max: 3, shared: false } } },
    ]);
    expect(c.imports()).toEqual([
      { module: "x", name: "y", type: { kind: "memory", type: { min: 5, shared: false } } },
    ]);
  });

  it("interns every function type in the engine", async () => {
    const engine = new Engine();
    const module = new Module(
      engine,
      await wat(`(module
        (import "m" "f" (func (param i32) (result i32)))
        (func (export "g") (param i32) (result i32) local.get 0)
        (func (export "h") (param i32) (result i32) local.get 0))`),
    );
    const t = engine.funcType(["i32"], ["i32"]);
    const types = [...module.imports(), ...module.exports()].map((x) =>
      x.type.kind === "func" ? x.type.type : undefined,
    );
    expect(types).toEqual([t, t, t]);
    for (const type of types) expect(type).toBe(t);
    expect(module.funcTypes).toHaveLength(3);
    for (const type of module.funcTypes) expect(type).toBe(t);
  });

  it("shows the module's exports, in order, and one Func for a function exported twice", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const module = new Module(
      engine,
      await wat(`(module
        (func $a (result i32) i32.const 1)
        (func $b (result i32) i32.const 2)
        (func $c)
        (global (export "g") i32 (i32.const 3))
        (export "b" (func $b))
        (export "b_again" (func $b)))`),
    );
    expect(module.exports().map((e) => e.name)).toEqual(["g", "b", "b_again"]);
    const instance = new Instance(store, module, []);
    const names = instance.exports().map(([name]) => name);
    expect(names).toEqual(["g", "b", "b_again"]);
    // The same function exported twice is the same Func.
    expect(instance.getFunc("b")).toBe(instance.getFunc("b_again"));
  });

  it("gives a module without exports no exports", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const module = new Module(engine, await wat(`(module (func) (func (param i32)))`));
    expect(module.exports()).toEqual([]);
    expect(new Instance(store, module, []).exports()).toEqual([]);
  });

  it("instantiates a module of every export kind into the right wrappers", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const module = new Module(
      engine,
      await wat(`(module
        (func (export "f") (param i32) (result i32 i32) local.get 0 local.get 0)
        (global (export "g") (mut f64) (f64.const 2.5))
        (global (export "v") v128 (v128.const i32x4 1 2 3 4))
        (table (export "t") 2 funcref)
        (memory (export "m") 1 2))`),
    );
    const instance = new Instance(store, module, []);
    const f = instance.getFunc("f");
    expect(f).toBeInstanceOf(Func);
    expect(f?.ty()).toBe(engine.funcType(["i32"], ["i32", "i32"]));
    expect(instance.getGlobal("g")).toBeInstanceOf(Global);
    expect(instance.getGlobal("g")?.get().f64()).toBe(2.5);
    expect(
      instance
        .getGlobal("v")
        ?.get()
        .v128()
        .equals(V128.fromI32x4([1, 2, 3, 4])),
    ).toBe(true);
    expect(instance.getTable("t")).toBeInstanceOf(Table);
    expect(instance.getMemory("m")).toBeInstanceOf(Memory);
    // Each getter answers only for its own kind.
    expect(instance.getFunc("g")).toBeUndefined();
    expect(instance.getGlobal("t")).toBeUndefined();
    expect(instance.getTable("m")).toBeUndefined();
    expect(instance.getMemory("f")).toBeUndefined();
    expect(instance.getExport("nope")).toBeUndefined();
    // A multi-value call through the slots.
    store.slots.write(0, Val.i32(42));
    f?.callRaw();
    expect([store.slots.read(0, "i32").i32(), store.slots.read(1, "i32").i32()]).toEqual([42, 42]);
  });
});

describe("Module compile errors", () => {
  async function expectCompileError(bytes: BufferSource): Promise<void> {
    const engine = new Engine();
    let error: unknown;
    try {
      new Module(engine, bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompileError);
    expect((error as CompileError).code).toBe("COMPILE");
    expect((error as CompileError).cause).toBeInstanceOf(WebAssembly.CompileError);
    expect((error as CompileError).message).toBe(((error as CompileError).cause as Error).message);
    await expect(Module.compile(engine, bytes)).rejects.toBeInstanceOf(CompileError);
    await expect(Module.compile(engine, bytes)).rejects.toMatchObject({
      code: "COMPILE",
      cause: expect.any(WebAssembly.CompileError),
    });
  }

  it("throws CompileError for garbage bytes", async () => {
    await expectCompileError(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    await expectCompileError(new Uint8Array(0));
  });

  it("throws CompileError for a truncated module", async () => {
    const bytes = await wat(`(module (func (export "f") (result i32) i32.const 1))`);
    for (const cut of [4, 9, 12, bytes.length - 1]) {
      await expectCompileError(bytes.slice(0, cut));
    }
  });

  it("throws CompileError for a module whose function body does not validate", async () => {
    const bytes = await wat(`(module (func (export "f") (result i32) i64.const 1))`, {
      validate: false,
    });
    await expectCompileError(bytes);
  });

  it("throws CompileError for a non-buffer", () => {
    const engine = new Engine();
    expect(() => new Module(engine, "not bytes" as unknown as BufferSource)).toThrow(CompileError);
  });
});

describe("Module.compile", () => {
  it("compiles asynchronously into a working module", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const bytes = await wat(`(module
      (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))`);
    const module = await Module.compile(engine, bytes);
    expect(module).toBeInstanceOf(Module);
    expect(module.engine).toBe(engine);
    expect(module.exports()).toEqual([
      { name: "add", type: { kind: "func", type: engine.funcType(["i32", "i32"], ["i32"]) } },
    ]);
    const add = new Instance(store, module, []).getFunc("add") as Func;
    store.slots.write(0, Val.i32(40));
    store.slots.write(1, Val.i32(2));
    add.callRaw();
    expect(store.slots.read(0, "i32").i32()).toBe(42);
  });

  it("accepts an ArrayBuffer and a DataView as well as a Uint8Array", async () => {
    const engine = new Engine();
    const bytes = await wat(`(module (func (export "f")))`);
    const buffer = bytes.slice().buffer;
    expect(new Module(engine, buffer).exports()).toHaveLength(1);
    expect(new Module(engine, new DataView(buffer)).exports()).toHaveLength(1);
    expect((await Module.compile(engine, buffer)).exports()).toHaveLength(1);
  });
});

function glob(
  module: string,
  name: string,
  content: "i32" | "i64" | "f32" | "f64" | "v128" | "funcref" | "externref",
  mutable: boolean,
): ImportType {
  return { module, name, type: { kind: "global", type: { content, mutable } } };
}

function tableType(
  element: "funcref" | "externref",
  min: number,
  max?: number,
): ImportType["type"] {
  return {
    kind: "table",
    type: max === undefined ? { element, min } : { element, min, max },
  };
}

function funcTypeOf(item: ImportType | ExportType | undefined): unknown {
  return item?.type.kind === "func" ? item.type.type : undefined;
}
