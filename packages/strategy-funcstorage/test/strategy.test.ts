import { Val } from "@wasmcall/core-types";
import { Engine, Instance, Module, Store } from "@wasmcall/runtime";
import { strategy } from "@wasmcall/strategy-funcstorage";
import { wat } from "@wasmcall/test-support";
import { expect, it } from "vitest";

const BYTES = await wat(`(module
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))`);

function add(store: Store) {
  const func = new Instance(store, new Module(store.engine, BYTES), []).getFunc("add");
  if (func === undefined) throw new Error("no export add");
  return func;
}

it("is named funcstorage and prepares Callers of the function's type", () => {
  expect(strategy.name).toBe("funcstorage");
  expect(strategy.summary).toMatch(/FuncStorage/);
  const store = new Store(new Engine());
  const func = add(store);
  const caller = strategy.prepare(store, func);
  expect(caller.type).toBe(func.ty());
  const results = [Val.i32(0)];
  for (let i = 0; i < 3; i++) {
    caller.call([Val.i32(i), Val.i32(40)], results);
    expect(results[0]?.i32()).toBe(40 + i);
  }
});
