import { Trap, type TrapCode, Val } from "@wasmcall/core-types";
import { Engine, Func, Instance, Module, Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Functions that trap for one argument and return a result for others, so that each can be
 * called again right after its trap.
 */
const TRAPPING = `(module
  (type $ret_i32 (func (result i32)))
  (memory 1)
  (table $t 3 funcref)
  (elem (table $t) (i32.const 0) func $seven)
  (elem (table $t) (i32.const 2) func $wrong_sig)
  (func $seven (type $ret_i32) i32.const 7)
  (func $wrong_sig (param i32) (result i32) local.get 0)
  (func (export "unreachable") (param i32) (result i32)
    local.get 0 i32.eqz if unreachable end
    local.get 0 i32.const 2 i32.mul)
  (func (export "div_s") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_s)
  (func (export "trunc") (param f32) (result i32) local.get 0 i32.trunc_f32_s)
  (func (export "load") (param i32) (result i32) local.get 0 i32.load)
  (func (export "call_indirect") (param i32) (result i32)
    local.get 0 call_indirect $t (type $ret_i32))
  (func (export "table_get") (param i32) (result funcref) local.get 0 table.get $t)
  (func $count (export "count") (param i32) (result i32)
    local.get 0 i32.eqz if i32.const 0 return end
    local.get 0 i32.const 1 i32.sub call $count i32.const 1 i32.add)
  (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
  (data (i32.const 0) "\\2a\\00\\00\\00"))`;

let store: Store;
let instance: Instance;
let other: Func;
let host: Func;

beforeAll(async () => {
  const engine = new Engine();
  store = new Store(engine);
  const bytes = await wat(TRAPPING);
  instance = new Instance(store, new Module(engine, bytes), []);
  // Another instance of the same store, and a host function, to check the store afterwards.
  other = new Instance(store, new Module(engine, bytes), []).getFunc("add") as Func;
  host = Func.host(store, engine.funcType(["i32"], ["i32"]), ([x], results) => {
    results[0] = Val.i32((x as Val).i32() + 1);
  });
});

function func(name: string): Func {
  const f = instance.getFunc(name);
  if (f === undefined) throw new Error(`no export ${name}`);
  return f;
}

/** Calls `f` through the slots with `params` and returns its results. */
function call(f: Func, ...params: Val[]): Val[] {
  params.forEach((v, i) => {
    store.slots.write(i, v);
  });
  f.callRaw();
  return f.ty().results.map((t, i) => store.slots.read(i, t));
}

function expectTrap(f: Func, params: Val[], codes: readonly TrapCode[]): Trap {
  let error: unknown;
  try {
    call(f, ...params);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(Trap);
  const trap = error as Trap;
  expect(trap.code).toBe("TRAP");
  expect(trap.name).toBe("Trap");
  expect(codes).toContain(trap.trapCode);
  expect(trap.message).toMatch(/^wasm trap: /);
  expect(trap.cause).toBeInstanceOf(Error);
  return trap;
}

/** The store works after a trap: the same function, another instance's, a host function. */
function expectStoreWorks(): void {
  expect(call(other, Val.i32(40), Val.i32(2))[0]?.i32()).toBe(42);
  expect(call(func("add"), Val.i32(-1), Val.i32(-2))[0]?.i32()).toBe(-3);
  expect(call(host, Val.i32(9))[0]?.i32()).toBe(10);
}

describe("traps", () => {
  it("unreachable", () => {
    const trap = expectTrap(func("unreachable"), [Val.i32(0)], ["UNREACHABLE"]);
    expect(trap.cause).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(call(func("unreachable"), Val.i32(21))[0]?.i32()).toBe(42);
    expectStoreWorks();
  });

  it("integer divide by zero", () => {
    const trap = expectTrap(func("div_s"), [Val.i32(1), Val.i32(0)], ["INTEGER_DIVIDE_BY_ZERO"]);
    expect(trap.cause).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(call(func("div_s"), Val.i32(-7), Val.i32(2))[0]?.i32()).toBe(-3);
    expectStoreWorks();
  });

  it("integer overflow", () => {
    const trap = expectTrap(
      func("div_s"),
      [Val.i32(-0x80000000), Val.i32(-1)],
      ["INTEGER_OVERFLOW"],
    );
    expect(trap.cause).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(call(func("div_s"), Val.i32(-0x80000000), Val.i32(1))[0]?.i32()).toBe(-0x80000000);
    expectStoreWorks();
  });

  it("invalid conversion to integer (NaN and out of range)", () => {
    // A signalling NaN with a payload reaches wasm exactly through the slots.
    for (const bad of [Val.f32Bits(0x7fa00000), Val.f32(3e9), Val.f32(-Infinity)]) {
      const trap = expectTrap(
        func("trunc"),
        [bad],
        ["BAD_CONVERSION_TO_INTEGER", "BAD_FLOAT_TO_INTEGER"],
      );
      expect(trap.cause).toBeInstanceOf(WebAssembly.RuntimeError);
    }
    expect(call(func("trunc"), Val.f32(-2.75))[0]?.i32()).toBe(-2);
    expectStoreWorks();
  });

  it("out of bounds memory access", () => {
    for (const address of [65536, 65533, -1]) {
      const trap = expectTrap(func("load"), [Val.i32(address)], ["MEMORY_OUT_OF_BOUNDS"]);
      expect(trap.cause).toBeInstanceOf(WebAssembly.RuntimeError);
    }
    expect(call(func("load"), Val.i32(0))[0]?.i32()).toBe(42);
    expect(call(func("load"), Val.i32(65532))[0]?.i32()).toBe(0);
    expectStoreWorks();
  });

  it("call_indirect out of bounds", () => {
    const trap = expectTrap(func("call_indirect"), [Val.i32(3)], ["TABLE_OUT_OF_BOUNDS"]);
    expect(trap.cause).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(call(func("call_indirect"), Val.i32(0))[0]?.i32()).toBe(7);
    expectStoreWorks();
  });

  it("call_indirect to a null entry", () => {
    const trap = expectTrap(
      func("call_indirect"),
      [Val.i32(1)],
      ["INDIRECT_CALL_TO_NULL", "BAD_INDIRECT_CALL"],
    );
    expect(trap.cause).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(call(func("call_indirect"), Val.i32(0))[0]?.i32()).toBe(7);
    expectStoreWorks();
  });

  it("call_indirect with a signature mismatch", () => {
    const trap = expectTrap(
      func("call_indirect"),
      [Val.i32(2)],
      ["BAD_SIGNATURE", "BAD_INDIRECT_CALL"],
    );
    expect(trap.cause).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(call(func("call_indirect"), Val.i32(0))[0]?.i32()).toBe(7);
    expectStoreWorks();
  });

  it("table.get out of bounds", () => {
    const trap = expectTrap(func("table_get"), [Val.i32(3)], ["TABLE_OUT_OF_BOUNDS"]);
    expect(trap.cause).toBeInstanceOf(WebAssembly.RuntimeError);
    const seven = call(func("table_get"), Val.i32(0))[0]?.funcref() as Func;
    expect(seven).toBeInstanceOf(Func);
    expect(String(seven.ty())).toBe("() -> i32");
    expect(call(seven)[0]?.i32()).toBe(7);
    expect(call(func("table_get"), Val.i32(1))[0]?.funcref()).toBeNull();
    expectStoreWorks();
  });

  it("stack exhaustion by infinite recursion", () => {
    // -1 counts down through 2^32 - 1 calls: far deeper than any stack.
    const trap = expectTrap(func("count"), [Val.i32(-1)], ["STACK_OVERFLOW"]);
    expect(trap.cause).toBeInstanceOf(RangeError);
    expect(call(func("count"), Val.i32(1000))[0]?.i32()).toBe(1000);
    expectStoreWorks();
  });

  it("reaches the outer caller unchanged through a host function that called wasm", async () => {
    const engine = store.engine;
    let inner: unknown;
    const host = Func.host(store, engine.funcType(["i32"], ["i32"]), ([x], results) => {
      try {
        results[0] = call(func("div_s"), Val.i32(10), x as Val)[0] as Val;
      } catch (e) {
        inner = e;
        throw e;
      }
    });
    const module = new Module(
      engine,
      await wat(`(module
        (import "env" "host" (func $host (param i32) (result i32)))
        (func (export "outer") (param i32) (result i32) local.get 0 call $host))`),
    );
    const outer = new Instance(store, module, [host]).getFunc("outer") as Func;
    let caught: unknown;
    try {
      call(outer, Val.i32(0));
    } catch (e) {
      caught = e;
    }
    expect(inner).toBeInstanceOf(Trap);
    expect(caught).toBe(inner);
    expect((caught as Trap).trapCode).toBe("INTEGER_DIVIDE_BY_ZERO");
    expect(call(outer, Val.i32(5))[0]?.i32()).toBe(2);
    expectStoreWorks();
  });

  it("every trap in a row leaves the store working", () => {
    const cases: [string, Val[]][] = [
      ["unreachable", [Val.i32(0)]],
      ["div_s", [Val.i32(1), Val.i32(0)]],
      ["trunc", [Val.f32Bits(0x7fc00000)]],
      ["load", [Val.i32(70000)]],
      ["call_indirect", [Val.i32(1)]],
      ["count", [Val.i32(-1)]],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [name, params] of cases) {
        expect(() => call(func(name), ...params)).toThrow(Trap);
        expectStoreWorks();
      }
    }
  });
});
