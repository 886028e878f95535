import { type Caller, Trap, V128, Val } from "@wasmcall/core-types";
import { Func, type Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { expectSameVals, invoke, thrownBy } from "./support/call.js";
import { exportedFunc, instantiate, newStore } from "./support/instantiate.js";

const DEPTH = 100;

/**
 * `sum(n) = n == 0 ? 0 : host(n) + n`, where the host function calls `sum(n - 1)` back.
 * `wide(n, k, x, v)` does the same over i32, i64, f64 and v128 at once: at 0 it returns its
 * arguments, else `host(n)` (which calls `wide(n - 1, ...)`) combined with them.
 */
const BYTES = await wat(
  `(module
    (import "env" "sum_host" (func $sum_host (param i32) (result i32)))
    (import "env" "wide_host" (func $wide_host (param i32) (result i32 i64 f64 v128)))
    (func (export "trap") unreachable)
    (func (export "sum") (param $n i32) (result i32)
      (if (i32.eqz (local.get $n)) (then (return (i32.const 0))))
      (i32.add (call $sum_host (local.get $n)) (local.get $n)))
    (func (export "wide") (param $n i32) (param $k i64) (param $x f64) (param $v v128)
      (result i32 i64 f64 v128)
      (local $r0 i32) (local $r1 i64) (local $r2 f64) (local $r3 v128)
      (if (i32.eqz (local.get $n))
        (then (return (local.get $n) (local.get $k) (local.get $x) (local.get $v))))
      (call $wide_host (local.get $n))
      (local.set $r3) (local.set $r2) (local.set $r1) (local.set $r0)
      (i32.add (local.get $r0) (local.get $n))
      (i64.add (local.get $r1) (local.get $k))
      (f64.add (local.get $r2) (local.get $x))
      (v128.xor (local.get $r3) (local.get $v))))`,
);

/** The arguments `wide` gets at level `n`: different at every level. */
function wideArgs(n: number): Val[] {
  return [
    Val.i32(n),
    Val.i64(BigInt(n) * 2n ** 40n + 1n),
    Val.f64(n + 0.25),
    Val.v128(V128.fromI32x4([n, -n, 0x7fa00000 + n, n * 65537])),
  ];
}

/** What `wide(...wideArgs(n))` returns, computed the way the wasm code computes it. */
function wideExpected(n: number): Val[] {
  const args = wideArgs(n);
  if (n === 0) return args;
  const [r0, r1, r2, r3] = wideExpected(n - 1) as [Val, Val, Val, Val];
  const [, k, x, v] = args as [Val, Val, Val, Val];
  const bytes = r3.v128().bytes();
  const xor = v.v128().bytes();
  return [
    Val.i32((r0.i32() + n) | 0),
    Val.i64(BigInt.asIntN(64, r1.i64() + k.i64())),
    Val.f64(r2.f64() + x.f64()),
    Val.v128(bytes.map((b, i) => b ^ (xor[i] as number))),
  ];
}

/**
 * Instantiates the module with host functions whose behaviour the test sets: each calls its
 * own `Caller` (prepared with `strategy` by the test) or throws.
 */
function setup(store: Store) {
  const hosts = {
    sum: (_n: number): number => 0,
    wide: (_n: number): Val[] => [],
  };
  const engine = store.engine;
  const sumHost = Func.host(store, engine.funcType(["i32"], ["i32"]), ([n], results) => {
    results[0] = Val.i32(hosts.sum((n as Val).i32()));
  });
  const wideType = engine.funcType(["i32"], ["i32", "i64", "f64", "v128"]);
  const wideHost = Func.host(store, wideType, ([n], results) => {
    hosts.wide((n as Val).i32()).forEach((v, i) => {
      results[i] = v;
    });
  });
  const instance = instantiate(store, BYTES, [sumHost, wideHost]);
  return {
    hosts,
    sum: exportedFunc(instance, "sum"),
    wide: exportedFunc(instance, "wide"),
    trap: exportedFunc(instance, "trap"),
  };
}

describe.each(STRATEGIES)("$name: host functions and re-entrancy", (strategy) => {
  it.each([
    ["an Error", new Error("boom")],
    ["a TypeError", new TypeError("bad host")],
    ["a plain object", { reason: "not an Error" }],
    ["a string", "thrown text"],
    ["a Trap made elsewhere", new Trap("UNREACHABLE", "host-made trap")],
  ])("lets %s thrown by a host function reach the caller unchanged", (_, thrown) => {
    const store = newStore();
    const { hosts, sum } = setup(store);
    const caller = strategy.prepare(store, sum);
    hosts.sum = () => {
      throw thrown;
    };
    expect(thrownBy(() => invoke(caller, [Val.i32(3)]))).toBe(thrown);
    hosts.sum = (n) => n * 10;
    expectSameVals(invoke(caller, [Val.i32(3)]), [Val.i32(33)]);
  });

  it("passes a WebAssembly.RuntimeError thrown by a host function on unchanged, not as a trap", () => {
    const thrown = new WebAssembly.RuntimeError("host-made runtime error");
    const store = newStore();
    const { hosts, sum } = setup(store);
    const caller = strategy.prepare(store, sum);
    hosts.sum = () => {
      throw thrown;
    };
    expect(thrownBy(() => invoke(caller, [Val.i32(3)]))).toBe(thrown);
    hosts.sum = (n) => n * 10;
    expectSameVals(invoke(caller, [Val.i32(3)]), [Val.i32(33)]);
  });

  it("reports stack exhaustion in a host function as a STACK_OVERFLOW trap", () => {
    const thrown = new RangeError("Maximum call stack size exceeded");
    const store = newStore();
    const { hosts, sum } = setup(store);
    const caller = strategy.prepare(store, sum);
    hosts.sum = () => {
      throw thrown;
    };
    const error = thrownBy(() => invoke(caller, [Val.i32(3)]));
    expect(error).toBeInstanceOf(Trap);
    expect((error as Trap).trapCode).toBe("STACK_OVERFLOW");
    expect((error as Trap).cause).toBe(thrown);
    hosts.sum = (n) => n * 10;
    expectSameVals(invoke(caller, [Val.i32(3)]), [Val.i32(33)]);
  });

  it("stops unbounded wasm -> host -> wasm recursion with a STACK_OVERFLOW trap, every time", () => {
    const store = newStore();
    const { hosts, sum } = setup(store);
    const caller = strategy.prepare(store, sum);
    hosts.sum = (n) => (invoke(caller, [Val.i32(n + 1)])[0] as Val).i32();
    for (let attempt = 0; attempt < 3; attempt++) {
      const error = thrownBy(() => invoke(caller, [Val.i32(1)]));
      expect(error, `attempt ${attempt}: ${error}`).toBeInstanceOf(Trap);
      expect((error as Trap).trapCode).toBe("STACK_OVERFLOW");
    }
    hosts.sum = (n) => n * 10;
    expectSameVals(invoke(caller, [Val.i32(3)]), [Val.i32(33)]);
  });

  it("passes a host's own RangeError about the call stack on unchanged", () => {
    const thrown = new RangeError("the interpreter's call stack is exhausted");
    const store = newStore();
    const { hosts, sum } = setup(store);
    const caller = strategy.prepare(store, sum);
    hosts.sum = () => {
      throw thrown;
    };
    expect(thrownBy(() => invoke(caller, [Val.i32(3)]))).toBe(thrown);
  });

  it(`re-enters the same caller ${DEPTH} levels deep, checking every level`, () => {
    const store = newStore();
    const { hosts, sum } = setup(store);
    const caller = strategy.prepare(store, sum);
    const checked: number[] = [];
    hosts.sum = (n) => {
      const [result] = invoke(caller, [Val.i32(n - 1)]);
      expect(result?.i32(), `sum(${n - 1})`).toBe(((n - 1) * n) / 2);
      checked.push(n - 1);
      return (result as Val).i32();
    };
    expectSameVals(invoke(caller, [Val.i32(DEPTH)]), [Val.i32((DEPTH * (DEPTH + 1)) / 2)]);
    expect(checked).toEqual([...Array(DEPTH).keys()]);
  });

  it(`re-enters ${DEPTH} levels deep with i64, f64 and v128 results`, () => {
    const store = newStore();
    const { hosts, wide } = setup(store);
    const caller: Caller = strategy.prepare(store, wide);
    let checked = 0;
    hosts.wide = (n) => {
      const results = invoke(caller, wideArgs(n - 1));
      expectSameVals(results, wideExpected(n - 1), `wide(${n - 1})`);
      checked++;
      return results;
    };
    expectSameVals(invoke(caller, wideArgs(DEPTH)), wideExpected(DEPTH));
    expect(checked).toBe(DEPTH);
  });

  it("passes an exception thrown deep inside back through every level, then works", () => {
    const store = newStore();
    const { hosts, sum } = setup(store);
    const caller = strategy.prepare(store, sum);
    const thrown = new Error("thrown at level 50");
    hosts.sum = (n) => {
      if (n === 50) throw thrown;
      return (invoke(caller, [Val.i32(n - 1)])[0] as Val).i32();
    };
    expect(thrownBy(() => invoke(caller, [Val.i32(DEPTH)]))).toBe(thrown);
    expectSameVals(invoke(caller, [Val.i32(49)]), [Val.i32((49 * 50) / 2)]);
  });

  it("passes a trap deep inside back through every level unchanged, then works", () => {
    const store = newStore();
    const { hosts, sum, trap } = setup(store);
    const caller = strategy.prepare(store, sum);
    const trapping = strategy.prepare(store, trap);
    let inner: unknown;
    hosts.sum = (n) => {
      if (n === 50) {
        inner = thrownBy(() => trapping.call([], []));
        throw inner;
      }
      return (invoke(caller, [Val.i32(n - 1)])[0] as Val).i32();
    };
    const error = thrownBy(() => invoke(caller, [Val.i32(DEPTH)]));
    expect(error).toBeInstanceOf(Trap);
    expect((error as Trap).trapCode).toBe("UNREACHABLE");
    expect(error).toBe(inner);
    expectSameVals(invoke(caller, [Val.i32(49)]), [Val.i32((49 * 50) / 2)]);
  });
});
