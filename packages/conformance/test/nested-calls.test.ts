import { type Caller, Val } from "@wasmcall/core-types";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { expectSameVals, invoke } from "./support/call.js";
import { strategyFixture } from "./support/instantiate.js";

/**
 * Functions whose result tells every argument apart: `lin3(a, b, c) = 100a + 10b + c` (direct
 * path, i64 arguments), `lin6` the same over six arguments, `lin3f` as an f32 result (the
 * slots), and `pair(x) = (x, x + 1)` as two f32 results (the slots).
 */
const BYTES = await wat(
  `(module
    (func (export "lin3") (param i32 i64 i64) (result i64)
      (i64.add (i64.add (i64.mul (i64.extend_i32_s (local.get 0)) (i64.const 100))
                        (i64.mul (local.get 1) (i64.const 10)))
               (local.get 2)))
    (func (export "lin6") (param i32 i64 i64 i64 i64 i64) (result i64)
      (i64.add (i64.mul (i64.extend_i32_s (local.get 0)) (i64.const 100000))
      (i64.add (i64.mul (local.get 1) (i64.const 10000))
      (i64.add (i64.mul (local.get 2) (i64.const 1000))
      (i64.add (i64.mul (local.get 3) (i64.const 100))
      (i64.add (i64.mul (local.get 4) (i64.const 10)) (local.get 5)))))))
    (func (export "lin3f") (param i32 i32 i32) (result f32)
      (f32.convert_i32_s
        (i32.add (i32.add (i32.mul (local.get 0) (i32.const 100))
                          (i32.mul (local.get 1) (i32.const 10)))
                 (local.get 2))))
    (func (export "pair") (param i32) (result f32 f32)
      (f32.convert_i32_s (local.get 0))
      (f32.convert_i32_s (i32.add (local.get 0) (i32.const 1)))))`,
);

/** Arguments of the types of `name`, each `digit`. */
function digits(name: string, count: number, digit: number): Val[] {
  return Array.from({ length: count }, (_, i) =>
    i === 0 || name === "lin3f" ? Val.i32(digit) : Val.i64(BigInt(digit)),
  );
}

/**
 * `args` behind a `Proxy` whose read of the last index first makes another call through
 * `caller` with every argument 9, and records what that call returned.
 */
function nestingArgs(caller: Caller, name: string, args: Val[], seen: Val[][]): Val[] {
  const last = String(args.length - 1);
  return new Proxy(args, {
    get(target, key, receiver) {
      if (key === last) seen.push(invoke(caller, digits(name, args.length, 9)));
      return Reflect.get(target, key, receiver);
    },
  });
}

describe.each(STRATEGIES)("$name: a call made while another reads its arguments", (strategy) => {
  it.each([
    ["lin3", 3, Val.i64(123n), Val.i64(999n)],
    ["lin6", 6, Val.i64(123456n), Val.i64(999999n)],
    ["lin3f", 3, Val.f32(123), Val.f32(999)],
  ])("leaves the outer arguments of %s as they were", (name, count, outer, inner) => {
    const { caller } = strategyFixture(strategy, BYTES);
    const c = caller(name);
    const args = Array.from({ length: count }, (_, i) =>
      i === 0 || name === "lin3f" ? Val.i32(i + 1) : Val.i64(BigInt(i + 1)),
    );
    const seen: Val[][] = [];
    expectSameVals(invoke(c, nestingArgs(c, name, args, seen)), [outer]);
    expect(seen.length).toBeGreaterThan(0);
    for (const results of seen) expectSameVals(results, [inner]);
  });

  it("delivers every result read before a call made while the first one is delivered", () => {
    const { caller } = strategyFixture(strategy, BYTES);
    const pair = caller("pair");
    const seen: Val[][] = [];
    const results = new Proxy([Val.cell(), Val.cell()], {
      get(target, key, receiver) {
        if (key === "0") seen.push(invoke(pair, [Val.i32(100)]));
        return Reflect.get(target, key, receiver);
      },
    });
    pair.call([Val.i32(7)], results);
    expectSameVals([...results], [Val.f32(7), Val.f32(8)]);
    for (const inner of seen) expectSameVals(inner, [Val.f32(100), Val.f32(101)]);
  });
});
