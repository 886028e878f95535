import { type Caller, Trap, type TrapCode, Val } from "@wasmcall/core-types";
import { wat } from "@wasmcall/test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { expectSameVals, invoke, thrownBy } from "./support/call.js";
import { strategyFixture } from "./support/instantiate.js";

/** Functions that trap for some arguments and return a result for others. */
const BYTES = await wat(
  `(module
    (type $ret_i32 (func (result i32)))
    (memory 1)
    (table $t 3 funcref)
    (elem (table $t) (i32.const 0) func $seven)
    (elem (table $t) (i32.const 2) func $wrong_sig)
    (func $seven (type $ret_i32) i32.const 7)
    (func $wrong_sig (param i32) (result i32) local.get 0)
    (data (i32.const 0) "\\2a\\00\\00\\00")
    (func (export "unreachable") (param i32) (result i32)
      (if (i32.eqz (local.get 0)) (then unreachable))
      (i32.mul (local.get 0) (i32.const 2)))
    (func (export "div_s") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
    (func (export "rem_u64") (param i64 i64) (result i64) (i64.rem_u (local.get 0) (local.get 1)))
    (func (export "trunc") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
    (func (export "trunc64") (param f64) (result i64) (i64.trunc_f64_u (local.get 0)))
    (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
    (func (export "store") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
    (func (export "fill") (param i32 i32) (memory.fill (local.get 0) (i32.const 0) (local.get 1)))
    (func (export "call_indirect") (param i32) (result i32)
      (call_indirect $t (type $ret_i32) (local.get 0)))
    (func (export "table_get") (param i32) (result funcref) (table.get $t (local.get 0)))
    (func $count (export "count") (param i32) (result i32)
      (if (i32.eqz (local.get 0)) (then (return (i32.const 0))))
      (i32.add (call $count (i32.sub (local.get 0) (i32.const 1))) (i32.const 1))))`,
);

/**
 * Each case: the function, arguments that trap, the trap codes accepted, and arguments that
 * do not trap with the results they give.
 */
const CASES: readonly (readonly [
  label: string,
  name: string,
  trapping: () => Val[],
  codes: readonly TrapCode[],
  fine: () => Val[],
  results: () => Val[],
])[] = [
  [
    "unreachable",
    "unreachable",
    () => [Val.i32(0)],
    ["UNREACHABLE"],
    () => [Val.i32(21)],
    () => [Val.i32(42)],
  ],
  [
    "integer divide by zero",
    "div_s",
    () => [Val.i32(1), Val.i32(0)],
    ["INTEGER_DIVIDE_BY_ZERO"],
    () => [Val.i32(-7), Val.i32(2)],
    () => [Val.i32(-3)],
  ],
  [
    "integer remainder by zero (i64)",
    "rem_u64",
    () => [Val.i64(-1n), Val.i64(0n)],
    ["INTEGER_DIVIDE_BY_ZERO"],
    () => [Val.i64(-1n), Val.i64(10n)],
    () => [Val.i64(5n)],
  ],
  [
    "integer overflow",
    "div_s",
    () => [Val.i32(-0x80000000), Val.i32(-1)],
    ["INTEGER_OVERFLOW"],
    () => [Val.i32(-0x80000000), Val.i32(1)],
    () => [Val.i32(-0x80000000)],
  ],
  [
    "invalid conversion to integer (NaN)",
    "trunc",
    () => [Val.f32Bits(0x7fa00000)],
    ["BAD_CONVERSION_TO_INTEGER", "BAD_FLOAT_TO_INTEGER"],
    () => [Val.f32(-2.5)],
    () => [Val.i32(-2)],
  ],
  [
    // The specification calls this one "integer overflow"; V8 words it like a NaN conversion.
    "conversion of an out-of-range float",
    "trunc64",
    () => [Val.f64(-1)],
    ["INTEGER_OVERFLOW", "BAD_FLOAT_TO_INTEGER"],
    () => [Val.f64(2 ** 63)],
    () => [Val.i64(2n ** 63n)],
  ],
  [
    "out of bounds memory load",
    "load",
    () => [Val.i32(65534)],
    ["MEMORY_OUT_OF_BOUNDS", "OUT_OF_BOUNDS"],
    () => [Val.i32(0)],
    () => [Val.i32(42)],
  ],
  [
    "out of bounds memory store",
    "store",
    () => [Val.i32(-1), Val.i64(1n)],
    ["MEMORY_OUT_OF_BOUNDS", "OUT_OF_BOUNDS"],
    () => [Val.i32(8), Val.i64(1n)],
    () => [],
  ],
  [
    "out of bounds memory.fill",
    "fill",
    () => [Val.i32(65530), Val.i32(7)],
    ["MEMORY_OUT_OF_BOUNDS", "OUT_OF_BOUNDS"],
    () => [Val.i32(65530), Val.i32(6)],
    () => [],
  ],
  [
    // SpiderMonkey words this one and out-of-bounds memory accesses alike: OUT_OF_BOUNDS.
    "call_indirect out of the table",
    "call_indirect",
    () => [Val.i32(3)],
    ["TABLE_OUT_OF_BOUNDS", "OUT_OF_BOUNDS"],
    () => [Val.i32(0)],
    () => [Val.i32(7)],
  ],
  [
    "table.get out of the table",
    "table_get",
    () => [Val.i32(-1)],
    ["TABLE_OUT_OF_BOUNDS"],
    () => [Val.i32(1)],
    () => [Val.funcref(null)],
  ],
  [
    "indirect call to null",
    "call_indirect",
    () => [Val.i32(1)],
    ["INDIRECT_CALL_TO_NULL", "BAD_INDIRECT_CALL"],
    () => [Val.i32(0)],
    () => [Val.i32(7)],
  ],
  [
    "indirect call signature mismatch",
    "call_indirect",
    () => [Val.i32(2)],
    ["BAD_SIGNATURE", "BAD_INDIRECT_CALL"],
    () => [Val.i32(0)],
    () => [Val.i32(7)],
  ],
  [
    "stack overflow",
    "count",
    () => [Val.i32(1e9)],
    ["STACK_OVERFLOW"],
    () => [Val.i32(1000)],
    () => [Val.i32(1000)],
  ],
];

describe.each(STRATEGIES)("$name: traps", (strategy) => {
  let caller: (name: string) => Caller;

  beforeAll(() => {
    ({ caller } = strategyFixture(strategy, BYTES));
  });

  it.each(CASES)(
    "reports %s as a Trap, and calls right after work",
    (_, name, trapping, codes, fine, results) => {
      const c = caller(name);
      const error = thrownBy(() => invoke(c, trapping()));
      expect(error).toBeInstanceOf(Trap);
      const trap = error as Trap;
      expect(trap.code).toBe("TRAP");
      expect(trap.name).toBe("Trap");
      expect(codes).toContain(trap.trapCode);
      expect(trap.message).toMatch(/^wasm trap: /);
      expect(trap.cause).toBeInstanceOf(Error);
      expectSameVals(invoke(c, fine()), results());
      expectSameVals(invoke(caller("unreachable"), [Val.i32(5)]), [Val.i32(10)]);
    },
  );

  it("keeps working after every kind of trap in a row", () => {
    for (const [, name, trapping] of CASES) {
      expect(() => invoke(caller(name), trapping())).toThrow(Trap);
    }
    for (const [, name, , , fine, results] of CASES) {
      expectSameVals(invoke(caller(name), fine()), results());
    }
  });
});
