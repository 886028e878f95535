import { Val } from "@wasmcall/core-types";
import type { Slots } from "@wasmcall/runtime";
import type { HostWorkload } from "./workload.js";

/** Host calls per `run`: enough that the one JS-to-wasm call of `run` weighs nothing. */
const CALLS_PER_RUN = 128;

/** The wasm-to-host workloads, in the order they run and are reported. */
export const HOST_WORKLOADS: readonly HostWorkload[] = [
  {
    kind: "host",
    name: "host-nop",
    summary: "wasm loop calling a host () -> () that does nothing, per host call",
    params: [],
    results: [],
    wat: `(module
  (import "env" "host" (func $host))
  (func (export "run") (param $n i32) (result i32) (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (call $host)
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $i)))`,
    callsPerRun: CALLS_PER_RUN,
    expected: Val.i32(CALLS_PER_RUN),
    bodies: {
      js: () => {},
      val: () => {},
      raw: () => () => {},
    },
  },
  {
    kind: "host",
    name: "host-params-and-results",
    summary: "wasm loop calling a host (i32, i64) -> f32 returning a + b, per host call",
    params: ["i32", "i64"],
    results: ["f32"],
    wat: `(module
  (import "env" "host" (func $host (param i32 i64) (result f32)))
  (func (export "run") (param $n i32) (result f64) (local $i i32) (local $sum f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $sum
          (f64.add (local.get $sum)
            (f64.promote_f32 (call $host (local.get $i) (i64.extend_i32_u (local.get $i))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum)))`,
    callsPerRun: CALLS_PER_RUN,
    // The sum of 2i for i < n.
    expected: Val.f64(CALLS_PER_RUN * (CALLS_PER_RUN - 1)),
    bodies: {
      js: ((a: number, b: bigint) => a + Number(b)) as (...args: never[]) => unknown,
      val: (params, results) => {
        const a = (params[0] as Val).i32();
        const b = (params[1] as Val).i64();
        results[0] = Val.f32(Math.fround(a + Number(b)));
      },
      raw: (slots: Slots) => {
        const i32 = slots.i32;
        const u32 = slots.u32;
        const f32 = new Float32Array(slots.memory.buffer);
        // Slot 0: the i32; slot 1 (words 4 and 5): the i64, read as two halves (no bigint).
        return () => {
          f32[0] = (i32[0] as number) + (i32[5] as number) * 2 ** 32 + (u32[4] as number);
        };
      },
    },
  },
];
