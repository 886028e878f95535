import {
  CompileError,
  FuncType,
  refParts,
  TypeMismatchError,
  UnsupportedFeatureError,
  Val,
} from "@wasmcall/core-types";
import { Global, Instance, Memory, Module, Table, Tag } from "@wasmcall/runtime";
import { SUBTYPED_FUNCS_MODULE, WASM3_MODULE } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { thrownBy } from "./support/call.js";
import { exportedFunc, newStore } from "./support/instantiate.js";

/** Whether this engine compiles WebAssembly 3.0 (GC types, tags, memory64 and try_table). */
const SUPPORTED = WebAssembly.validate(WASM3_MODULE as Uint8Array<ArrayBuffer>);

/** A store with the module instantiated, its imported tag made by the store. */
function fixture() {
  const store = newStore();
  const module = new Module(store.engine, WASM3_MODULE);
  const error = Tag.create(store, new FuncType(["i32"], []));
  return { store, instance: new Instance(store, module, [error]) };
}

for (const strategy of STRATEGIES) {
  describe.skipIf(!SUPPORTED)(`${strategy.name}: a module of WebAssembly 3.0`, () => {
    it("calls a function of GC reference types exactly", () => {
      const { store, instance } = fixture();
      const global = instance.global("g").get();
      expect(global.ref).not.toBe(null);
      const make = strategy.prepare(store, exportedFunc(instance, "make"));
      const results: Val[] = [Val.cell()];
      make.call([Val.anyref({ any: "value" }), global], results);
      expect(results[0]?.ref).toBe(null);
      expect(refParts(results[0]?.type as string)?.nullable).toBe(true);
    });

    it("calls functions whose types are open to subtypes or in a recursion group", () => {
      const store = newStore();
      const instance = new Instance(store, new Module(store.engine, SUBTYPED_FUNCS_MODULE), []);
      const open = exportedFunc(instance, "open");
      expect(open.ty().defined).not.toBe(undefined);
      const results: Val[] = [Val.cell()];
      strategy.prepare(store, open).call([], results);
      expect(results[0]?.f32Bits()).toBe(0x3fc00000);
      strategy.prepare(store, exportedFunc(instance, "grouped")).call([Val.i32(41)], results);
      expect(results[0]?.i32()).toBe(42);
    });

    it("calls a function whose exception a try_table catches", () => {
      const { store, instance } = fixture();
      const caught = strategy.prepare(store, exportedFunc(instance, "catch"));
      const results: Val[] = [Val.cell()];
      caught.call([Val.i32(-7)], results);
      expect(results[0]?.i32()).toBe(-7);
    });
  });
}

describe.skipIf(!SUPPORTED)("shared: the exports of a module of WebAssembly 3.0", () => {
  it("include a 64-bit memory that reads, writes and grows", () => {
    const memory = fixture().instance.memory("mem");
    expect(memory.type.address).toBe("i64");
    expect(memory.size()).toBe(1);
    memory.write(65534, [1, 2]);
    expect([...memory.read(65534, 2)]).toEqual([1, 2]);
    expect(memory.grow(1)).toBe(1);
    expect(memory.size()).toBe(2);
  });

  it("include a 64-bit table of struct references that gets, sets and grows", () => {
    const { instance } = fixture();
    const table = instance.table("tab");
    expect(table.type.address).toBe("i64");
    expect(table.size()).toBe(1);
    expect(table.get(0)?.ref).toBe(null);
    const global = instance.global("g").get();
    table.set(0, global);
    expect(table.get(0)?.ref).toBe(global.ref);
    expect(table.grow(2, Val.default(table.type.element))).toBe(1);
    expect(table.size()).toBe(3);
  });

  it("include a tag, with its type", () => {
    const tag = fixture().instance.tag("oops");
    expect(tag).toBeInstanceOf(Tag);
    expect(tag.type.type.equals(new FuncType(["i32"], []))).toBe(true);
  });
});

describe.skipIf(SUPPORTED)("shared: an engine without WebAssembly 3.0", () => {
  it("refuses the module with the engine's own CompileError, the reader having read it", () => {
    const e = thrownBy(() => new Module(newStore().engine, WASM3_MODULE));
    expect(e).toBeInstanceOf(CompileError);
    expect((e as Error).message).not.toMatch(/malformed module at byte/);
  });
});

describe("shared: memories and tables with 64-bit indices made from JavaScript", () => {
  it("work where the engine has memory64, else are refused with UnsupportedFeatureError", () => {
    const store = newStore();
    let memory: Memory | undefined;
    try {
      memory = Memory.create(store, { min: 1, max: 3, shared: false, address: "i64" });
    } catch (e) {
      expect(e).toBeInstanceOf(UnsupportedFeatureError);
    }
    if (memory !== undefined) {
      expect(memory.type.address).toBe("i64");
      memory.write(10, [7]);
      expect([...memory.read(10, 1)]).toEqual([7]);
      expect(memory.grow(2)).toBe(1);
      expect(memory.size()).toBe(3);
    }
    let table: Table | undefined;
    try {
      table = Table.create(
        store,
        { element: "funcref", min: 1, address: "i64" },
        Val.funcref(null),
      );
    } catch (e) {
      expect(e).toBeInstanceOf(UnsupportedFeatureError);
    }
    if (table !== undefined) {
      expect(table.type.address).toBe("i64");
      expect(table.grow(2, Val.funcref(null))).toBe(1);
      expect(table.size()).toBe(3);
      expect(table.get(2)?.ref).toBe(null);
    }
    expect(() =>
      Table.create(
        store,
        { element: "funcref", min: 1, address: "i128" } as never,
        Val.funcref(null),
      ),
    ).toThrow(/address/);
  });
});

describe("shared: globals and tables of GC reference types made from JavaScript", () => {
  /** Whether the JS API makes anyref globals here (engines with garbage collection). */
  const gc = (() => {
    try {
      new WebAssembly.Global({ value: "anyref" } as unknown as WebAssembly.GlobalDescriptor);
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!gc)("hold host objects, i31s and nulls, read back exactly", () => {
    const store = newStore();
    const host = { any: "value" };
    const any = Global.create(store, { content: "anyref", mutable: true }, Val.anyref(host));
    expect(any.get().ref).toBe(host);
    any.set(Val.i31ref(7));
    expect(any.get().ref).toBe(7);
    any.set(Val.anyref(null));
    expect(any.get().ref).toBe(null);
    const i31 = Table.create(store, { element: "i31ref", min: 2 }, Val.i31ref(-3));
    expect(i31.get(1)?.ref).toBe(-3);
    expect(() => i31.set(0, Val.anyref(host))).toThrow(TypeMismatchError);
    const structs = Table.create(
      store,
      { element: "structref", min: 1 },
      Val.ref("structref", null),
    );
    expect(structs.get(0)?.ref).toBe(null);
  });

  it.skipIf(gc)("are refused with UnsupportedFeatureError where the engine lacks GC", () => {
    const store = newStore();
    expect(() =>
      Global.create(store, { content: "anyref", mutable: false }, Val.anyref(null)),
    ).toThrow(UnsupportedFeatureError);
    expect(() => Table.create(store, { element: "eqref", min: 1 }, Val.ref("eqref", null))).toThrow(
      UnsupportedFeatureError,
    );
  });

  it("refuses types the JS API cannot name, with TypeMismatchError", () => {
    const store = newStore();
    expect(() =>
      Global.create(store, { content: "(ref any)", mutable: false }, Val.anyref(1)),
    ).toThrow(TypeMismatchError);
    expect(() =>
      Table.create(store, { element: "nullref", min: 1 }, Val.ref("nullref", null)),
    ).toThrow(TypeMismatchError);
  });
});
