import v8 from "node:v8";
import vm from "node:vm";
import { Val } from "@wasmcall/core-types";
import { Engine, type Func, Instance, Module, Store } from "@wasmcall/runtime";
import { call } from "@wasmcall/strategy-store-amortized";
import { wat } from "@wasmcall/test-support";
import { expect, it } from "vitest";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

it("keeps no argument of a call of five parameters once it returned", async () => {
  const engine = new Engine();
  const store = new Store(engine);
  const pick = new Instance(
    store,
    new Module(
      engine,
      await wat(`(module
        (func (export "pick") (param externref funcref i32 i32 i32) (result i32)
          local.get 2))`),
    ),
    [],
  ).getFunc("pick") as Func;
  const nop = new Module(engine, await wat(`(module (func (export "nop")))`));
  const refs = (() => {
    const tag = { tag: "argument" };
    const func = new Instance(store, nop, []).getFunc("nop") as Func;
    const results = [Val.i32(0)];
    const args = [Val.externref(tag), Val.funcref(func), Val.i32(7), Val.i32(8), Val.i32(9)];
    call(store, pick, args, results);
    expect(results[0]?.i32()).toBe(7);
    return [new WeakRef(tag), new WeakRef(func)];
  })();
  for (let i = 0; i < 10 && refs.some((r) => r.deref() !== undefined); i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
  expect(refs.filter((r) => r.deref() !== undefined)).toHaveLength(0);
});
