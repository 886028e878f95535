import {
  ArityMismatchError,
  FuncType,
  StoreMismatchError,
  TypeMismatchError,
  Val,
} from "@wasmcall/core-types";
import { Engine, Func, Linker, Module, Store } from "@wasmcall/runtime";
import { callWithStorage, FuncStorage } from "@wasmcall/strategy-funcstorage";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

/**
 * `nest(n, a, b, c, d) = (inner(n) + a + b, c - d)`, where the host function `inner` may call
 * `nest` back: five parameters (the storage's argument buffer) and two results.
 */
const BYTES = await wat(`(module
  (import "env" "inner" (func $inner (param i32) (result i32)))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "sub") (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
  (func (export "swap") (param i32 i32) (result i32 i32) (local.get 1) (local.get 0))
  (func (export "nop"))
  (func (export "nest") (param $n i32) (param $a i32) (param $b i32) (param $c i32) (param $d i32)
    (result i32 i32)
    (i32.add (i32.add (call $inner (local.get $n)) (local.get $a)) (local.get $b))
    (i32.sub (local.get $c) (local.get $d))))`);

/** A store of `engine` with the module instantiated; `hosts.inner` is the import's body. */
function setup(engine = new Engine()) {
  const store = new Store(engine);
  const hosts = { inner: (_n: number): number => 0, innerCalls: 0 };
  const inner = Func.wrap(store, engine.funcType(["i32"], ["i32"]), (n: number) => {
    hosts.innerCalls++;
    return hosts.inner(n);
  });
  const instance = new Linker(engine)
    .define("env", "inner", inner)
    .instantiate(store, new Module(engine, BYTES));
  const func = (name: string): Func => {
    const f = instance.getFunc(name);
    if (f === undefined) throw new Error(`no export ${name}`);
    return f;
  };
  return { engine, store, hosts, func };
}

/** The i32 values of `vals`. */
function i32s(vals: readonly Val[]): number[] {
  return vals.map((v) => v.i32());
}

/** The i32 arguments as a generator: an iterable that is not an array. */
function* i32Args(...values: number[]): Generator<Val> {
  for (const v of values) yield Val.i32(v);
}

/** What `fn` throws (fails the test when it returns). */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("callWithStorage: the storage must fit the call", () => {
  it("refuses a storage of another function type, naming both types, calling nothing", () => {
    const { engine, store, hosts, func } = setup();
    const add = func("add");
    const storage = new FuncStorage(engine, add.ty());
    const nest = func("nest");
    const error = thrownBy(() =>
      callWithStorage(store, nest, storage, i32Args(1, 2, 3, 4, 5), [Val.i32(0), Val.i32(0)]),
    );
    expect(error).toBeInstanceOf(TypeMismatchError);
    const mismatch = error as TypeMismatchError;
    expect(mismatch.code).toBe("TYPE_MISMATCH");
    expect(mismatch.expected).toBe("(func (param i32 i32) (result i32))");
    expect(mismatch.actual).toBe("(func (param i32 i32 i32 i32 i32) (result i32 i32))");
    expect(mismatch.message).toContain("nest");
    expect(mismatch.message).toContain(mismatch.expected);
    expect(mismatch.message).toContain(mismatch.actual);
    expect(hosts.innerCalls).toBe(0);

    // Same parameters, other results: still another type.
    expect(() =>
      callWithStorage(store, func("swap"), storage, [Val.i32(1), Val.i32(2)], () => {}),
    ).toThrow(
      "expected (func (param i32 i32) (result i32)), found (func (param i32 i32) (result i32 i32))",
    );
  });

  it("refuses a storage made for another engine, even of the same signature", () => {
    const { store, func } = setup();
    const other = new Engine();
    const storage = new FuncStorage(other, other.funcType(["i32", "i32"], ["i32"]));
    const error = thrownBy(() =>
      callWithStorage(store, func("add"), storage, [Val.i32(1), Val.i32(2)], [Val.i32(0)]),
    );
    expect(error).toBeInstanceOf(StoreMismatchError);
    expect((error as StoreMismatchError).message).toMatch(/^add .*another engine/);
  });

  it("accepts a storage made from any FuncType of the function's signature", () => {
    const { engine, store, func } = setup();
    const storage = new FuncStorage(engine, new FuncType(["i32", "i32"], ["i32"]));
    const results = [Val.i32(0)];
    callWithStorage(store, func("add"), storage, [Val.i32(40), Val.i32(2)], results);
    expect(i32s(results)).toEqual([42]);
  });
});

describe("callWithStorage: parameters", () => {
  it("takes them from a generator, a Set or any other iterable", () => {
    const { engine, store, func } = setup();
    const sub = func("sub");
    const storage = new FuncStorage(engine, sub.ty());
    const results = [Val.i32(0)];
    callWithStorage(store, sub, storage, i32Args(10, 3), results);
    expect(i32s(results)).toEqual([7]);
    callWithStorage(store, sub, storage, new Set([Val.i32(20), Val.i32(5)]), results);
    expect(i32s(results)).toEqual([15]);
    callWithStorage(
      store,
      sub,
      storage,
      new Map([
        [1, Val.i32(9)],
        [2, Val.i32(4)],
      ]).values(),
      results,
    );
    expect(i32s(results)).toEqual([5]);
    const iterable: Iterable<Val> = { [Symbol.iterator]: () => [Val.i32(1), Val.i32(8)].values() };
    callWithStorage(store, sub, storage, iterable, results);
    expect(i32s(results)).toEqual([-7]);
  });

  it("counts what an iterable yields on every call, afresh", () => {
    const { engine, store, func } = setup();
    const add = func("add");
    const storage = new FuncStorage(engine, add.ty());
    const results = [Val.i32(0)];
    const tooMany = thrownBy(() => callWithStorage(store, add, storage, i32Args(1, 2, 3), results));
    expect(tooMany).toBeInstanceOf(ArityMismatchError);
    expect(tooMany).toMatchObject({ what: "arguments", expected: 2, actual: 3 });
    const tooFew = thrownBy(() => callWithStorage(store, add, storage, i32Args(1), results));
    expect(tooFew).toMatchObject({ what: "arguments", expected: 2, actual: 1 });
    callWithStorage(store, add, storage, i32Args(1, 2), results);
    expect(i32s(results)).toEqual([3]);
  });

  it("checks the type of every value an iterable yields", () => {
    const { engine, store, func } = setup();
    const add = func("add");
    const storage = new FuncStorage(engine, add.ty());
    const mixed = new Set([Val.i32(1), Val.i64(2n)]);
    expect(() => callWithStorage(store, add, storage, mixed, [Val.i32(0)])).toThrow(
      new TypeMismatchError("add (i32, i32) -> i32: argument 1", "i32", "i64"),
    );
  });
});

describe("callWithStorage: results", () => {
  it("writes them into the caller's array, into result cells in place", () => {
    const { engine, store, func } = setup();
    const swap = func("swap");
    const storage = new FuncStorage(engine, swap.ty());
    const results = [Val.i32(0), Val.i32(0)];
    const returned = callWithStorage(store, swap, storage, [Val.i32(1), Val.i32(2)], results);
    expect(returned).toBeUndefined();
    expect(i32s(results)).toEqual([2, 1]);
    const cells = [Val.cell(), Val.cell()];
    const array = [...cells];
    callWithStorage(store, swap, storage, [Val.i32(3), Val.i32(4)], array);
    expect(array[0]).toBe(cells[0]);
    expect(array[1]).toBe(cells[1]);
    expect(i32s(cells)).toEqual([4, 3]);
    const wrong = thrownBy(() =>
      callWithStorage(store, swap, storage, [Val.i32(1), Val.i32(2)], [Val.i32(0)]),
    );
    expect(wrong).toBeInstanceOf(ArityMismatchError);
    expect(wrong).toMatchObject({ what: "results", expected: 2, actual: 1 });
  });

  it("hands them to a sink function, once per result, in order", () => {
    const { engine, store, func } = setup();
    const swap = func("swap");
    const swapStorage = new FuncStorage(engine, swap.ty());
    const seen: [number, number][] = [];
    callWithStorage(store, swap, swapStorage, [Val.i32(1), Val.i32(2)], (value, index) => {
      seen.push([index, value.i32()]);
    });
    expect(seen).toEqual([
      [0, 2],
      [1, 1],
    ]);

    const add = func("add");
    const addStorage = new FuncStorage(engine, add.ty());
    const sums: number[] = [];
    callWithStorage(store, add, addStorage, [Val.i32(1), Val.i32(2)], (v) => sums.push(v.i32()));
    expect(sums).toEqual([3]);

    const nop = func("nop");
    let calls = 0;
    callWithStorage(store, nop, new FuncStorage(engine, nop.ty()), [], () => calls++);
    expect(calls).toBe(0);
  });

  it("does not call the sink when the call fails", () => {
    const { engine, store, func } = setup();
    const add = func("add");
    let calls = 0;
    const sink = () => calls++;
    const storage = new FuncStorage(engine, add.ty());
    expect(() => callWithStorage(store, add, storage, [Val.i32(1)], sink)).toThrow(
      ArityMismatchError,
    );
    expect(calls).toBe(0);
  });
});

describe("callWithStorage: one storage, many calls", () => {
  it("serves every function of its type, in every store of its engine", () => {
    const engine = new Engine();
    const first = setup(engine);
    const second = setup(engine);
    const storage = new FuncStorage(engine, first.func("add").ty());
    const results = [Val.i32(0)];
    const cases = [
      [first, "add", 7],
      [first, "sub", 3],
      [second, "sub", 3],
      [second, "add", 7],
      [first, "add", 7],
    ] as const;
    for (const [{ store, func }, name, expected] of cases) {
      callWithStorage(store, func(name), storage, i32Args(5, 2), results);
      expect(i32s(results), name).toEqual([expected]);
    }
  });

  it("still refuses a function of another store", () => {
    const engine = new Engine();
    const first = setup(engine);
    const second = setup(engine);
    const storage = new FuncStorage(engine, first.func("add").ty());
    expect(() =>
      callWithStorage(first.store, second.func("add"), storage, i32Args(1, 2), [Val.i32(0)]),
    ).toThrow(StoreMismatchError);
  });

  it("gives a sink that calls back into the same storage the right values at every level", () => {
    const { engine, store, func } = setup();
    const swap = func("swap");
    const storage = new FuncStorage(engine, swap.ty());
    const seen: string[] = [];
    callWithStorage(store, swap, storage, i32Args(1, 2), (outer, i) => {
      seen.push(`outer ${i}: ${outer.i32()}`);
      if (i !== 0) return;
      callWithStorage(store, swap, storage, i32Args(3, 4), (inner, j) => {
        seen.push(`inner ${j}: ${inner.i32()}`);
        if (j !== 0) return;
        const innermost = [Val.i32(0), Val.i32(0)];
        callWithStorage(store, swap, storage, [Val.i32(5), Val.i32(6)], innermost);
        seen.push(`innermost: ${i32s(innermost)}`);
      });
    });
    expect(seen).toEqual([
      "outer 0: 2",
      "inner 0: 4",
      "innermost: 6,5",
      "inner 1: 3",
      "outer 1: 1",
    ]);

    // One result: the sink gets the value before it calls back.
    const add = func("add");
    const addStorage = new FuncStorage(engine, add.ty());
    const sums: number[] = [];
    callWithStorage(store, add, addStorage, i32Args(1, 2), (outer) => {
      callWithStorage(store, add, addStorage, i32Args(10, 20), (inner) => sums.push(inner.i32()));
      sums.push(outer.i32());
    });
    expect(sums).toEqual([30, 3]);
  });

  it("serves calls made from a host function during a call with the same storage", () => {
    const { engine, store, hosts, func } = setup();
    const nest = func("nest");
    const storage = new FuncStorage(engine, nest.ty());
    const args = (n: number) => i32Args(n, n, 2 * n, 3 * n + 1, n);
    const first = (n: number): number => (n === 0 ? 0 : first(n - 1) + 3 * n);
    const checked: number[] = [];
    hosts.inner = (n) => {
      if (n === 0) return 0;
      const results: number[] = [];
      callWithStorage(store, nest, storage, args(n - 1), (v) => results.push(v.i32()));
      expect(results, `nest(${n - 1})`).toEqual([first(n - 1), 2 * (n - 1) + 1]);
      checked.push(n - 1);
      return results[0] as number;
    };
    const depth = 50;
    const results = [Val.i32(0), Val.i32(0)];
    callWithStorage(store, nest, storage, args(depth), results);
    expect(i32s(results)).toEqual([first(depth), 2 * depth + 1]);
    expect(checked).toEqual([...Array(depth).keys()]);
  });
});

describe("callWithStorage: calls made while another is under way", () => {
  it("keep the parameters an iterator yields to an outer call its own", () => {
    const { engine, store, func } = setup();
    const add = func("add");
    const storage = new FuncStorage(engine, add.ty());
    const inner = [Val.cell()];
    function* after(): Generator<Val> {
      yield Val.i32(1);
      callWithStorage(store, add, storage, [Val.i32(20), Val.i32(20)].values(), inner);
      yield Val.i32(2);
    }
    function* before(): Generator<Val> {
      callWithStorage(store, add, storage, [Val.i32(30), Val.i32(30)].values(), inner);
      yield Val.i32(1);
      yield Val.i32(2);
    }
    for (const params of [after(), before()]) {
      const results = [Val.cell()];
      callWithStorage(store, add, storage, params, results);
      expect(i32s(results)).toEqual([3]);
    }
    expect(i32s(inner)).toEqual([60]);
  });

  it("refuses parameters that are not iterable with a typed error", () => {
    const { engine, store, func } = setup();
    const add = func("add");
    const storage = new FuncStorage(engine, add.ty());
    const call = (p: unknown) => callWithStorage(store, add, storage, p as Val[], [Val.cell()]);
    expect(thrownBy(() => call(undefined))).toBeInstanceOf(TypeMismatchError);
    expect(thrownBy(() => call(5))).toBeInstanceOf(TypeMismatchError);
  });

  it("report a function of another engine as a StoreMismatchError, before the storage's type", () => {
    const { engine, store } = setup();
    const other = setup(new Engine()).func("add");
    const storage = new FuncStorage(engine, other.ty());
    const error = thrownBy(() =>
      callWithStorage(store, other, storage, [Val.i32(1), Val.i32(2)], [Val.cell()]),
    );
    expect(error).toBeInstanceOf(StoreMismatchError);
  });

  it("is frozen: its plan and buffers cannot be replaced", () => {
    const { engine, func } = setup();
    const storage = new FuncStorage(engine, func("add").ty());
    expect(Object.isFrozen(storage)).toBe(true);
    expect(FuncStorage.is(storage)).toBe(true);
    expect(FuncStorage.is({ ...storage })).toBe(false);
  });
});
