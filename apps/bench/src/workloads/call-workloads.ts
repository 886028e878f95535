import { V128, Val, type ValType } from "@wasmcall/core-types";
import type { Func } from "@wasmcall/runtime";
import type { CallWorkload } from "./workload.js";

/** `params-N`: N i32 parameters, their sum as the one i32 result (wasmi's bare_call_N). */
function paramsN(n: number): CallWorkload {
  const params: ValType[] = Array.from({ length: n }, () => "i32");
  const body = params.map((_, i) => (i === 0 ? "local.get 0" : `local.get ${i} i32.add`));
  return {
    kind: "call",
    name: `params-${n}`,
    summary: `(${params.join(", ")}) -> i32: the sum of the parameters`,
    params,
    results: ["i32"],
    body: body.join(" "),
    example: () => ({
      args: params.map((_, i) => Val.i32(i + 1)),
      expected: [Val.i32((n * (n + 1)) / 2)],
    }),
  };
}

/** The host-to-wasm workloads, in the order they run and are reported. */
export const CALL_WORKLOADS: readonly CallWorkload[] = [
  {
    kind: "call",
    name: "nop",
    summary: "() -> (): empty body (Wasmtime's nop; the engine may remove the raw call)",
    params: [],
    results: [],
    body: "",
    example: () => ({ args: [], expected: [] }),
  },
  {
    kind: "call",
    name: "params-and-results",
    summary: "(i32, i64) -> f32: the sum of both, as f32 (Wasmtime's params-and-results)",
    params: ["i32", "i64"],
    results: ["f32"],
    body: "local.get 0 f32.convert_i32_s local.get 1 f32.convert_i64_s f32.add",
    example: () => ({ args: [Val.i32(3), Val.i64(4n)], expected: [Val.f32(7)] }),
  },
  {
    kind: "call",
    name: "add-i32",
    summary: "(i32, i32) -> i32: i32.add",
    params: ["i32", "i32"],
    results: ["i32"],
    body: "local.get 0 local.get 1 i32.add",
    example: () => ({ args: [Val.i32(40), Val.i32(2)], expected: [Val.i32(42)] }),
  },
  paramsN(1),
  paramsN(4),
  paramsN(16),
  {
    kind: "call",
    name: "i64-identity",
    summary: "(i64) -> i64: returns its parameter (a bigint each way in JavaScript)",
    params: ["i64"],
    results: ["i64"],
    body: "local.get 0",
    example: () => ({ args: [Val.i64(2n ** 40n + 1n)], expected: [Val.i64(2n ** 40n + 1n)] }),
  },
  {
    kind: "call",
    name: "f64-add",
    summary: "(f64, f64) -> f64: f64.add",
    params: ["f64", "f64"],
    results: ["f64"],
    body: "local.get 0 local.get 1 f64.add",
    example: () => ({ args: [Val.f64(1.5), Val.f64(2.25)], expected: [Val.f64(3.75)] }),
  },
  {
    kind: "call",
    name: "multi-value",
    summary: "(i32, i32) -> (i32, i32): the sum and the difference",
    params: ["i32", "i32"],
    results: ["i32", "i32"],
    body: "local.get 0 local.get 1 i32.add local.get 0 local.get 1 i32.sub",
    example: () => ({ args: [Val.i32(7), Val.i32(5)], expected: [Val.i32(12), Val.i32(2)] }),
  },
  {
    kind: "call",
    name: "externref-identity",
    summary: "(externref) -> externref: returns its parameter",
    params: ["externref"],
    results: ["externref"],
    body: "local.get 0",
    example: () => {
      const token = { token: "externref-identity" };
      return { args: [Val.externref(token)], expected: [Val.externref(token)] };
    },
  },
  {
    kind: "call",
    name: "funcref-identity",
    summary: "(funcref) -> funcref: returns its parameter (the module's nop)",
    params: ["funcref"],
    results: ["funcref"],
    body: "local.get 0",
    example: (instance) => {
      const nop = instance.getFunc("nop") as Func;
      return { args: [Val.funcref(nop)], expected: [Val.funcref(nop)] };
    },
  },
  {
    kind: "call",
    name: "v128-add",
    summary: "(v128, v128) -> v128: i32x4.add (no JS API call can pass a v128)",
    params: ["v128", "v128"],
    results: ["v128"],
    body: "local.get 0 local.get 1 i32x4.add",
    example: () => ({
      args: [Val.v128(V128.fromI32x4([1, 2, 3, 4])), Val.v128(V128.fromI32x4([10, 20, 30, -4]))],
      expected: [Val.v128(V128.fromI32x4([11, 22, 33, 0]))],
    }),
  },
];

/** The module text of a call workload: its function `f` and an empty `nop`, both exported. */
export function callModuleText(workload: CallWorkload): string {
  const params = workload.params.length > 0 ? ` (param ${workload.params.join(" ")})` : "";
  const results = workload.results.length > 0 ? ` (result ${workload.results.join(" ")})` : "";
  return `(module
  (func (export "nop"))
  (func (export "f")${params}${results} ${workload.body}))`;
}
