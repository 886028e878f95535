import { LinkError, StoreMismatchError, Trap, Val } from "@wasmcall/core-types";
import {
  Engine,
  type Extern,
  Func,
  Global,
  Instance,
  Linker,
  Module,
  Store,
} from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

/** Imports a function and a global; exports a function that adds them, and the table. */
const LIB = `(module
  (import "env" "inc" (func $inc (param i32) (result i32)))
  (import "env" "base" (global $base i32))
  (table (export "table") 1 funcref)
  (elem (i32.const 0) func $inc)
  (func (export "run") (param i32) (result i32)
    (i32.add (call $inc (local.get 0)) (global.get $base))))`;

function setup() {
  const engine = new Engine();
  const store = new Store(engine);
  const inc = Func.host(store, engine.funcType(["i32"], ["i32"]), (params, results) => {
    results[0] = Val.i32((params[0] as Val).i32() + 1);
  });
  const base = Global.create(store, { content: "i32", mutable: false }, Val.i32(100));
  const linker = new Linker(engine).define("env", "inc", inc).define("env", "base", base);
  return { engine, store, inc, base, linker };
}

function run(instance: Instance, x: number): number {
  const f = instance.getFunc("run") as Func;
  f.store.slots.write(0, Val.i32(x));
  f.callRaw();
  return f.store.slots.read(0, "i32").i32();
}

/** What `action` throws, and what `promise` rejects with: the pair, for comparison. */
async function bothErrors(action: () => unknown, promise: () => Promise<unknown>) {
  let sync: unknown;
  try {
    action();
  } catch (e) {
    sync = e;
  }
  let async: unknown;
  try {
    await promise();
  } catch (e) {
    async = e;
  }
  expect(sync, "the synchronous path throws").toBeDefined();
  expect(async, "the asynchronous path rejects").toBeDefined();
  return [sync, async] as const;
}

describe("Instance.instantiate and Linker.instantiateAsync", () => {
  it("instantiate as the synchronous paths do", async () => {
    const { engine, store, inc, base, linker } = setup();
    const module = await Module.compile(engine, await wat(LIB));
    const viaLinker = await linker.instantiateAsync(store, module);
    const direct = await Instance.instantiate(store, module, [inc, base]);
    for (const instance of [viaLinker, direct]) {
      expect(instance).toBeInstanceOf(Instance);
      expect(instance.store).toBe(store);
      expect(instance.module).toBe(module);
      expect(run(instance, 1)).toBe(102);
      expect(instance.getTable("table")?.get(0)?.funcref()).toBe(inc);
    }
    expect(viaLinker.exports().map(([name]) => name)).toEqual(
      linker
        .instantiate(store, module)
        .exports()
        .map(([name]) => name),
    );
  });

  it("reject with the LinkError the synchronous paths throw", async () => {
    const { engine, store, inc } = setup();
    const module = new Module(engine, await wat(LIB));
    const cases: [string, () => Instance, () => Promise<Instance>][] = [
      [
        "an import not defined",
        () => new Linker(engine).define("env", "inc", inc).instantiate(store, module),
        () => new Linker(engine).define("env", "inc", inc).instantiateAsync(store, module),
      ],
      [
        "an import of another type",
        () => new Instance(store, module, [inc, inc]),
        () => Instance.instantiate(store, module, [inc, inc]),
      ],
      [
        "too few imports",
        () => new Instance(store, module, [inc]),
        () => Instance.instantiate(store, module, [inc]),
      ],
    ];
    for (const [what, sync, async] of cases) {
      const [thrown, rejected] = await bothErrors(sync, async);
      expect(rejected, what).toBeInstanceOf(LinkError);
      expect((rejected as LinkError).message, what).toBe((thrown as LinkError).message);
    }
  });

  it("reject with StoreMismatchError for items of another store or engine", async () => {
    const { engine, store, base } = setup();
    const module = new Module(engine, await wat(LIB));
    const other = new Store(engine);
    const foreign = Func.host(other, engine.funcType(["i32"], ["i32"]), () => {});
    const imports: Extern[] = [foreign, base];
    const [, rejected] = await bothErrors(
      () => new Instance(store, module, imports),
      () => Instance.instantiate(store, module, imports),
    );
    expect(rejected).toBeInstanceOf(StoreMismatchError);
    const elsewhere = new Module(new Engine(), await wat(LIB));
    await expect(Instance.instantiate(store, elsewhere, imports)).rejects.toBeInstanceOf(
      StoreMismatchError,
    );
    await expect(new Linker(engine).instantiateAsync(store, elsewhere)).rejects.toBeInstanceOf(
      StoreMismatchError,
    );
  });

  it("reject with the Trap of a start function or of a segment out of bounds", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    const traps: [string, string][] = [
      ["(module (func $s unreachable) (start $s))", "UNREACHABLE"],
      ['(module (memory 1) (data (i32.const 65535) "ab"))', "MEMORY_OUT_OF_BOUNDS"],
      [
        "(module (func $s (local i32) (drop (i32.div_s (i32.const 1) (local.get 0)))) (start $s))",
        "INTEGER_DIVIDE_BY_ZERO",
      ],
    ];
    for (const [text, code] of traps) {
      const module = new Module(engine, await wat(text));
      const [thrown, rejected] = await bothErrors(
        () => new Instance(store, module, []),
        () => new Linker(engine).instantiateAsync(store, module),
      );
      expect(rejected, text).toBeInstanceOf(Trap);
      expect((rejected as Trap).trapCode, text).toBe(code);
      expect((rejected as Trap).trapCode, text).toBe((thrown as Trap).trapCode);
    }
  });

  it("leave the store usable after a failure", async () => {
    const { engine, store, linker } = setup();
    const trapping = new Module(engine, await wat("(module (func $s unreachable) (start $s))"));
    await expect(linker.instantiateAsync(store, trapping)).rejects.toBeInstanceOf(Trap);
    const module = await Module.compile(engine, await wat(LIB));
    expect(run(await linker.instantiateAsync(store, module), 41)).toBe(142);
  });
});
