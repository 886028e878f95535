import { Trap, Val } from "@wasmcall/core-types";
import { Engine, Func, Linker, Module, Store } from "@wasmcall/runtime";
import { call } from "@wasmcall/strategy-store-amortized";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

const DEPTH = 100;

/**
 * `down(n, a, b, c, d) = (host(n) + a + b + c + d, 2 * n)`, where the host function may call
 * `down` back, and `div5(a, b, c, d, e) = (a + b + c + d) / e`: both take five parameters, so
 * their direct calls put the arguments in the store's scratch buffer.
 */
const BYTES = await wat(`(module
  (import "env" "host" (func $host (param i32) (result i32)))
  (func (export "down") (param $n i32) (param $a i32) (param $b i32) (param $c i32) (param $d i32)
    (result i32 i32)
    (i32.add (call $host (local.get $n))
      (i32.add (i32.add (local.get $a) (local.get $b)) (i32.add (local.get $c) (local.get $d))))
    (i32.mul (local.get $n) (i32.const 2)))
  (func (export "div5") (param i32 i32 i32 i32 i32) (result i32)
    (i32.div_s
      (i32.add (i32.add (local.get 0) (local.get 1)) (i32.add (local.get 2) (local.get 3)))
      (local.get 4))))`);

/** The arguments of `down` at level `n`: different at every level, `a + b + c + d = n + 8`. */
function downArgs(n: number): Val[] {
  return [Val.i32(n), Val.i32(n), Val.i32(n + 1), Val.i32(-n), Val.i32(7)];
}

/** What `down(...downArgs(n))` returns when every host call at level `k` returns `down(k - 1)`. */
function downExpected(n: number): [number, number] {
  return [n === 0 ? 8 : downExpected(n - 1)[0] + n + 8, 2 * n];
}

/** The arguments of `div5` at level `n`, whose quotient is `n + 1` (`e` = 0 traps). */
function div5Args(n: number, e = 4): Val[] {
  return [Val.i32(n), Val.i32(n + 1), Val.i32(n + 2), Val.i32(e * (n + 1) - 3 * n - 3), Val.i32(e)];
}

/** A store with the module instantiated; `hosts.host` is the import's body (0 by default). */
function setup() {
  const engine = new Engine();
  const store = new Store(engine);
  const hosts = { host: (_n: number): number => 0 };
  const host = Func.host(store, engine.funcType(["i32"], ["i32"]), ([n], results) => {
    results[0] = Val.i32(hosts.host((n as Val).i32()));
  });
  const instance = new Linker(engine)
    .define("env", "host", host)
    .instantiate(store, new Module(engine, BYTES));
  const down = instance.getFunc("down");
  const div5 = instance.getFunc("div5");
  if (down === undefined || div5 === undefined) throw new Error("missing exports");
  return { store, hosts, down, div5 };
}

/** The i32 values of `vals`. */
function i32s(vals: readonly Val[]): number[] {
  return vals.map((v) => v.i32());
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

type Setup = ReturnType<typeof setup>;

/**
 * Makes the host function re-enter: at level `n` it calls `div5` (five parameters, while the
 * store's buffer is lent to the outer call), then `down(n - 1)`, then `div5` again, checks
 * every result, and checks that its first `div5` results were left alone by the nested calls.
 * `onLevel(n)` runs first at every level; it may throw.
 */
function reenter({ store, hosts, down, div5 }: Setup, onLevel: (n: number) => void = () => {}) {
  const checked: number[] = [];
  hosts.host = (n) => {
    onLevel(n);
    if (n === 0) return 0;
    const before = [Val.i32(-1)];
    call(store, div5, div5Args(n), before);
    const results = [Val.i32(-1), Val.i32(-1)];
    call(store, down, downArgs(n - 1), results);
    expect(i32s(results), `down(${n - 1})`).toEqual(downExpected(n - 1));
    const after = [Val.i32(-1)];
    call(store, div5, div5Args(n + 1), after);
    expect(i32s(before), `div5 before down(${n - 1})`).toEqual([n + 1]);
    expect(i32s(after), `div5 after down(${n - 1})`).toEqual([n + 2]);
    checked.push(n - 1);
    return (results[0] as Val).i32();
  };
  return checked;
}

/** Runs `down(DEPTH)` re-entering at every level (see {@link reenter}) and checks it all. */
function expectDeepRunCorrect(setup: Setup): void {
  const checked = reenter(setup);
  const results = [Val.i32(0), Val.i32(0)];
  call(setup.store, setup.down, downArgs(DEPTH), results);
  expect(i32s(results)).toEqual(downExpected(DEPTH));
  expect(checked).toEqual([...Array(DEPTH).keys()]);
}

describe("call: re-entrant calls on one store", () => {
  it(`go ${DEPTH} levels deep, with five-parameter calls at every level, all correct`, () => {
    expectDeepRunCorrect(setup());
  });

  it("leave the store's buffer reusable by the next outermost call", () => {
    const s = setup();
    expectDeepRunCorrect(s);
    expectDeepRunCorrect(s);
    const results = [Val.i32(0)];
    call(s.store, s.div5, div5Args(41), results);
    expect(i32s(results)).toEqual([42]);
  });
});

describe("call: after a trap or a host exception", () => {
  it("keeps working after a five-parameter call traps", () => {
    const s = setup();
    const results = [Val.i32(0)];
    const error = thrownBy(() => call(s.store, s.div5, div5Args(1, 0), results));
    expect(error).toBeInstanceOf(Trap);
    expect((error as Trap).trapCode).toBe("INTEGER_DIVIDE_BY_ZERO");
    call(s.store, s.div5, div5Args(6), results);
    expect(i32s(results)).toEqual([7]);
    expectDeepRunCorrect(s);
  });

  it("keeps working after a trap deep inside re-entrant calls reaches the outermost", () => {
    const s = setup();
    let inner: unknown;
    reenter(s, (n) => {
      if (n !== DEPTH / 2) return;
      inner = thrownBy(() => call(s.store, s.div5, div5Args(n, 0), [Val.i32(0)]));
      throw inner;
    });
    const error = thrownBy(() => call(s.store, s.down, downArgs(DEPTH), [Val.i32(0), Val.i32(0)]));
    expect(error).toBeInstanceOf(Trap);
    expect(error).toBe(inner);
    expectDeepRunCorrect(s);
  });

  it("keeps working after a host exception deep inside reaches the outermost", () => {
    const s = setup();
    const thrown = new Error(`thrown at level ${DEPTH / 2}`);
    reenter(s, (n) => {
      if (n === DEPTH / 2) throw thrown;
    });
    expect(thrownBy(() => call(s.store, s.down, downArgs(DEPTH), [Val.i32(0), Val.i32(0)]))).toBe(
      thrown,
    );
    expectDeepRunCorrect(s);
  });

  it("lets a host function catch a nested trap and go on, every level correct", () => {
    const s = setup();
    let caught = 0;
    const checked = reenter(s, (n) => {
      const error = thrownBy(() => call(s.store, s.div5, div5Args(n, 0), [Val.i32(0)]));
      expect(error).toBeInstanceOf(Trap);
      caught++;
    });
    const results = [Val.i32(0), Val.i32(0)];
    call(s.store, s.down, downArgs(DEPTH), results);
    expect(i32s(results)).toEqual(downExpected(DEPTH));
    expect(checked).toHaveLength(DEPTH);
    expect(caught).toBe(DEPTH + 1);
  });
});
