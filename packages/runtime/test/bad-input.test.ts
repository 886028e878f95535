// Bad input to memories, tables, globals and instantiation: a typed error before anything
// runs, and every object left as it was.
import {
  ArityMismatchError,
  LinkError,
  StoreMismatchError,
  TypeMismatchError,
  Val,
  ValueRangeError,
} from "@wasmcall/core-types";
import {
  Engine,
  Func,
  Global,
  type GlobalType,
  Instance,
  Memory,
  type MemoryType,
  Module,
  Store,
  Table,
  type TableType,
} from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

function setup() {
  const engine = new Engine();
  return { engine, store: new Store(engine) };
}

/** Calls `f` with an argument of any type, as JavaScript callers can. */
function loosely<A extends unknown[], R>(f: (...args: A) => R): (...args: unknown[]) => R {
  return f as unknown as (...args: unknown[]) => R;
}

describe("Memory", () => {
  it("refuses bytes that are not bytes, writing nothing", () => {
    const { store } = setup();
    const memory = Memory.create(store, { min: 1, shared: false });
    const write = loosely(memory.write.bind(memory));
    for (const bad of [[300], [-1], [1.5], [1, 2, 256], [0, "1"]]) {
      expect(() => write(0, bad), String(bad)).toThrow(ValueRangeError);
    }
    for (const bad of ["12a", 12, null, undefined, { length: 2 }]) {
      expect(() => write(0, bad), String(bad)).toThrow(TypeMismatchError);
    }
    expect([...memory.read(0, 4)]).toEqual([0, 0, 0, 0]);
  });

  it("writes arrays of bytes and the bytes of any ArrayBuffer view", () => {
    const { store } = setup();
    const memory = Memory.create(store, { min: 1, shared: false });
    memory.write(0, [1, 255, 0]);
    memory.write(3, new Uint16Array([0x0201]));
    memory.write(5, new DataView(new Uint8Array([7, 8, 9]).buffer, 1, 2));
    expect([...memory.read(0, 7)]).toEqual([1, 255, 0, 1, 2, 8, 9]);
  });

  it("refuses offsets and lengths that are not whole numbers in bounds", () => {
    const { store } = setup();
    const memory = Memory.create(store, { min: 1, shared: false });
    const read = loosely(memory.read.bind(memory));
    const write = loosely(memory.write.bind(memory));
    for (const [offset, length] of [
      [1.5, 1],
      [-1, 1],
      [0, -1],
      [0, 0.5],
      [65536, 1],
      [Number.NaN, 1],
    ]) {
      expect(() => read(offset, length)).toThrow(ValueRangeError);
    }
    expect(() => read("0", 1)).toThrow(TypeMismatchError);
    expect(() => write(1.5, [1])).toThrow(ValueRangeError);
    expect(() => write(65535, [1, 2])).toThrow(ValueRangeError);
    expect(() => write("0", [1])).toThrow(TypeMismatchError);
    expect([...memory.read(65535, 1)]).toEqual([0]);
  });

  it("refuses a growth that is not a whole number", () => {
    const { store } = setup();
    const memory = Memory.create(store, { min: 1, max: 4, shared: false });
    const grow = loosely(memory.grow.bind(memory));
    expect(() => grow(1.5)).toThrow(ValueRangeError);
    expect(() => grow(-1)).toThrow(ValueRangeError);
    expect(() => grow("1")).toThrow(TypeMismatchError);
    expect(() => grow(Number.POSITIVE_INFINITY)).toThrow(ValueRangeError);
    expect(memory.size()).toBe(1);
    expect(memory.grow(1)).toBe(1);
  });

  it("refuses bad types with a typed error, not the engine's", () => {
    const { store } = setup();
    const create = loosely(Memory.create);
    const cases: [unknown, typeof TypeMismatchError | typeof ValueRangeError][] = [
      [{ shared: false }, TypeMismatchError],
      [{ min: "1", shared: false }, TypeMismatchError],
      [{ min: 1.5, shared: false }, ValueRangeError],
      [{ min: -1, shared: false }, ValueRangeError],
      [{ min: 2, max: 1, shared: false }, ValueRangeError],
      [{ min: 65537, shared: false }, ValueRangeError],
      [{ min: 1, max: 65537, shared: false }, ValueRangeError],
      [{ min: 1, shared: "no" }, TypeMismatchError],
      [{ min: 1, shared: true }, ValueRangeError],
      [null, TypeMismatchError],
      [1, TypeMismatchError],
    ];
    for (const [type, error] of cases) {
      expect(() => create(store, type), JSON.stringify(type)).toThrow(error);
    }
  });

  it("keeps a copy of its type, not the caller's object", () => {
    const { store } = setup();
    const type = { min: 1, shared: false };
    const memory = Memory.create(store, type as MemoryType);
    type.min = 5;
    expect(memory.type.min).toBe(1);
  });
});

describe("Table", () => {
  it("refuses element types that are not reference types", () => {
    const { store } = setup();
    const create = loosely(Table.create);
    expect(() => create(store, { element: "i32", min: 1 }, Val.i32(0))).toThrow(TypeMismatchError);
    for (const element of ["anyfunc", undefined, 1]) {
      expect(() => create(store, { element, min: 1 }, Val.funcref(null))).toThrow(
        TypeMismatchError,
      );
    }
  });

  it("refuses bad limits with a typed error, not the engine's", () => {
    const { store } = setup();
    const create = loosely(Table.create);
    const init = Val.externref(null);
    const cases: [unknown, typeof TypeMismatchError | typeof ValueRangeError][] = [
      [{ element: "externref" }, TypeMismatchError],
      [{ element: "externref", min: 1.5 }, ValueRangeError],
      [{ element: "externref", min: -1 }, ValueRangeError],
      [{ element: "externref", min: 2, max: 1 }, ValueRangeError],
      [{ element: "externref", min: 10_000_001 }, ValueRangeError],
      [null, TypeMismatchError],
    ];
    for (const [type, error] of cases) {
      expect(() => create(store, type, init), JSON.stringify(type)).toThrow(error);
    }
  });

  it("refuses indices and growths that are not whole numbers", () => {
    const { store } = setup();
    const table = Table.create(store, { element: "externref", min: 2, max: 4 }, Val.externref(1));
    const get = loosely(table.get.bind(table));
    const set = loosely(table.set.bind(table));
    const grow = loosely(table.grow.bind(table));
    expect(() => get(0.5)).toThrow(ValueRangeError);
    expect(() => get(-1)).toThrow(ValueRangeError);
    expect(() => get("0")).toThrow(TypeMismatchError);
    expect(() => set(0.5, Val.externref(2))).toThrow(ValueRangeError);
    expect(() => set("0", Val.externref(2))).toThrow(TypeMismatchError);
    expect(() => grow(1.5, Val.externref(2))).toThrow(ValueRangeError);
    expect(() => grow(-1, Val.externref(2))).toThrow(ValueRangeError);
    expect(() => grow("1", Val.externref(2))).toThrow(TypeMismatchError);
    expect(table.size()).toBe(2);
    expect(table.get(0)?.externref()).toBe(1);
    expect(table.get(2)).toBeUndefined();
  });

  it("reads a value's type through its brand, not its properties", () => {
    const { store } = setup();
    const value = Val.externref(1);
    Object.defineProperty(value, "type", { value: "funcref" });
    const type: TableType = { element: "externref", min: 1 };
    expect(Table.create(store, type, value).get(0)?.externref()).toBe(1);
    const forged = Object.create(Val.prototype, { type: { value: "externref" } });
    expect(() => Table.create(store, type, forged)).toThrow(TypeMismatchError);
  });
});

describe("Global", () => {
  it("reads a value's type through its brand, not its properties", () => {
    const { store } = setup();
    const type: GlobalType = { content: "externref", mutable: true };
    const value = Val.externref(1);
    Object.defineProperty(value, "ref", { value: 2 });
    const global = Global.create(store, type, value);
    expect(global.get().externref()).toBe(1);
    const forged = Object.create(Val.prototype, { type: { value: "externref" } });
    expect(() => global.set(forged)).toThrow(TypeMismatchError);
    expect(() => Global.create(store, type, forged)).toThrow(TypeMismatchError);
  });

  it("refuses a type that is not a global type", () => {
    const { store } = setup();
    const create = loosely(Global.create);
    for (const type of [null, { content: "i33", mutable: false }, { content: "i32" }]) {
      expect(() => create(store, type, Val.i32(1))).toThrow(TypeMismatchError);
    }
  });
});

describe("Instance imports", () => {
  async function importing() {
    const { engine, store } = setup();
    const module = new Module(
      engine,
      await wat(`(module
        (import "env" "f" (func (param i32)))
        (import "env" "m" (memory 1)))`),
    );
    const f = Func.host(store, engine.funcType(["i32"], []), () => {});
    const memory = Memory.create(store, { min: 1, shared: false });
    return { engine, store, module, f, memory };
  }

  it("refuses imports that are not an array", async () => {
    const { store, module } = await importing();
    const instantiate = loosely(
      (...a: ConstructorParameters<typeof Instance>) => new Instance(...a),
    );
    for (const imports of [null, undefined, {}, "ab"]) {
      expect(() => instantiate(store, module, imports)).toThrow(TypeMismatchError);
    }
  });

  it("names the import an item that is no extern was given for", async () => {
    const { store, module, f } = await importing();
    const instantiate = loosely(
      (...a: ConstructorParameters<typeof Instance>) => new Instance(...a),
    );
    for (const item of [null, {}, Val.i32(1), Object.create(Memory.prototype)]) {
      let error: unknown;
      try {
        instantiate(store, module, [f, item]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LinkError);
      expect((error as LinkError).field).toBe("m");
      expect((error as Error).message).toContain("expected (memory 1)");
    }
  });

  it("names the import of the wrong kind and the first one missing", async () => {
    const { store, module, f, memory } = await importing();
    expect(() => new Instance(store, module, [memory, f])).toThrow(
      'import "env" "f": incompatible import type: expected (func (param i32)), found (memory 1)',
    );
    expect(() => new Instance(store, module, [f])).toThrow(
      'import "env" "m": unknown import: expected (memory 1) (2 imports, got 1)',
    );
    expect(() => new Instance(store, module, [])).toThrow(LinkError);
    expect(() => new Instance(store, module, [f, memory, memory])).toThrow(ArityMismatchError);
  });

  it("refuses an item of another store, naming the import", async () => {
    const { engine, store, module, f } = await importing();
    const other = Memory.create(new Store(engine), { min: 1, shared: false });
    expect(() => new Instance(store, module, [f, other])).toThrow(StoreMismatchError);
    expect(() => new Instance(store, module, [f, other])).toThrow('import "env" "m"');
    await expect(Instance.instantiate(store, module, [f, null as never])).rejects.toThrow(
      LinkError,
    );
  });
});
