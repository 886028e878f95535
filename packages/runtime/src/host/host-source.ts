import {
  ArityMismatchError,
  type FuncType,
  isValType,
  refParts,
  TypeMismatchError,
  typeName,
  Val,
  type ValType,
} from "@wasmcall/core-types";
import { isValFor } from "../call/arg-tests.js";
import type { HostCallback } from "../func.js";
import { markHostError } from "../host-error.js";
import { refHierarchy } from "../ref-hierarchy.js";

/**
 * What a host function made from generated code needs of its function and store, besides its
 * callback: the name its errors give, the store's funcref conversions and where an f64
 * result's high word goes.
 */
export interface HostContext {
  /** `<name> <type>`: how errors name the function. */
  readonly subject: string;
  /** The `Func` of a wasm function object of the store (a funcref parameter). */
  readonly funcOf: (js: unknown) => unknown;
  /** The wasm function object of a funcref result, checked to be of the store. */
  readonly funcJs: (val: Val, subject: string) => unknown;
  /** The words of the store's scratch memory: an f64 result's high word goes to word 0. */
  readonly high: Uint32Array;
}

/**
 * Makes the JavaScript function a host adapter imports (see `hostAdapter`) for one host
 * function: it takes the parameters as the adapter passes them and returns the result as the
 * adapter takes it back.
 */
export type HostMaker = (callback: HostCallback, context: HostContext) => unknown;

/**
 * Whether the host lets the runtime make functions from source (`new Function`): not in a page
 * whose Content-Security-Policy lacks `unsafe-eval`. Tested once, with a constant body, as
 * `codegenAllowed` of the generated calls is (not imported from there: that module needs `Func`
 * as it loads, and `Func.host` needs this one).
 */
export const hostCodegenAllowed: boolean = (() => {
  try {
    return new Function("return 1")() === 1;
  } catch {
    return false;
  }
})();

/** The helpers the generated source uses, handed to it by name. */
const HELPERS = {
  raw: Val.raw,
  typeOf: Val.typeOf,
  loOf: Val.loOf,
  hiOf: Val.hiOf,
  refOf: Val.refOf,
  isValFor,
  markHostError,
  arityError: (subject: string, expected: number, actual: number) =>
    new ArityMismatchError(subject, "results", expected, actual),
  resultError: (subject: string, i: number, expected: ValType, actual: unknown) =>
    new TypeMismatchError(`${subject}: result ${i}`, expected, typeName(actual)),
};

/** The zero value of each type a host function's results were prefilled with so far. */
const ZERO = new Map<ValType, Val>();

/**
 * The zero value a result of `type` is prefilled with (see `Val.default`): a `Val` is
 * immutable, so one per type serves every call. Undefined for a type without one (a
 * non-nullable reference), which the callback must set.
 */
export function zeroOf(type: ValType): Val | undefined {
  let zero = ZERO.get(type);
  if (zero === undefined) {
    if (refParts(type)?.nullable === false) return undefined;
    zero = Val.default(type);
    ZERO.set(type, zero);
  }
  return zero;
}

/** The adapter's arguments for parameter `k` of `type`, and the `Val` made of them. */
function param(k: number, type: ValType): { names: string[]; val: string } {
  switch (type) {
    case "i32":
      return { names: [`x${k}`], val: `raw("i32", x${k}, 0, null)` };
    case "f32":
      return { names: [`x${k}`], val: `raw("f32", x${k} >>> 0, 0, null)` };
    case "f64":
      return {
        names: [`x${k}`, `y${k}`],
        val: `raw("f64", x${k} >>> 0, y${k} >>> 0, null)`,
      };
    default:
      if (refHierarchy(type) === "func") {
        return {
          names: [`x${k}`],
          val: `raw("${type}", 0, 0, x${k} === null ? null : funcOf(x${k}))`,
        };
      }
      // i64 (a bigint, signed, as the engine passes it) and externref.
      return { names: [`x${k}`], val: `raw("${type}", 0, 0, x${k})` };
  }
}

/** The statement that makes `out` what the adapter takes back for the checked result `v`. */
function result(type: ValType): string {
  switch (type) {
    case "i32":
    case "f32":
      // Signed, so that the engine gets a small integer (no number object).
      return "out = loOf(v) | 0;";
    case "f64":
      return "high[0] = hiOf(v); out = loOf(v) | 0;";
    default:
      return refHierarchy(type) === "func" ? "out = funcJs(v, resultSubject);" : "out = refOf(v);";
  }
}

/**
 * The source of the host maker of `type` (at most one result, no v128), flat: the function the
 * adapter imports puts a `Val` per parameter into a fresh array, and the zero result into
 * another, calls the callback, checks the result count and type, and returns the result as the
 * adapter takes it. Only the type goes into the source.
 *
 * The `try` that marks what the callback throws (see `markHostError`) covers the callback and
 * the checks, not the making of the parameters: V8 compiled the `Val`s made inside it slower
 * (about 43 ns against 34 ns a call on Node 20).
 *
 * Fresh arrays per call, not arrays lent again and again: storing a new `Val` into an array
 * that has lived long enough to be old costs V8 a write barrier's slow path per value, and a
 * fresh array the engine can often remove altogether (the callback inlined): measured on
 * Node 20, `(i32, i64) -> f32` took 29.6 ns with fresh arrays against 56 ns with lent ones
 * (42 against 49 with the callback not inlined). On Bun 1.4 the lent arrays were faster (40
 * against 48 ns); the goals are judged on Node. A call nested inside the callback gets its own
 * arrays as a matter of course.
 */
function hostSource(type: FuncType): string {
  const params = type.params;
  const resultType = type.results[0];
  const m = resultType === undefined ? 0 : 1;
  const args = params.map((t, k) => param(k, t));
  const lines = [
    `    const p = [${args.map((a) => a.val).join(", ")}];`,
    `    const r = ${m === 0 ? "[]" : "[zero]"};`,
    m === 1 ? "    let out;" : "",
    "    try {",
    "      callback(p, r);",
    `      if (r.length !== ${m}) throw arityError(subject, ${m}, r.length);`,
  ];
  if (resultType !== undefined) {
    lines.push("      const v = r[0];");
    lines.push(
      `      if (typeOf(v) !== "${resultType}" && !isValFor(v, "${resultType}")) throw resultError(subject, 0, "${resultType}", v);`,
    );
    lines.push(`      ${result(resultType)}`);
  }
  lines.push("    } catch (error) {");
  lines.push("      throw markHostError(error);");
  lines.push("    }");
  if (m === 1) lines.push("    return out;");
  const names = args.flatMap((a) => a.names).join(", ");
  return [
    "return function make(callback, context, zero) {",
    `  const subject = context.subject, resultSubject = subject + ": result 0";`,
    "  const funcOf = context.funcOf, funcJs = context.funcJs, high = context.high;",
    `  return function host(${names}) {`,
    ...lines.filter((line) => line !== ""),
    "  };",
    "};",
  ].join("\n");
}

/** The makers made so far, by interned type. */
const makers = new WeakMap<FuncType, HostMaker>();

/**
 * The host maker of `type` (an interned type with at most one result and no v128), generated
 * from the type alone with `new Function` on first use and kept as long as the type: only for
 * a host that allows `new Function`.
 */
export function hostMaker(type: FuncType): HostMaker {
  let maker = makers.get(type);
  if (maker === undefined) {
    for (const t of [...type.params, ...type.results]) {
      // Only value types go into the source (an interned type holds nothing else).
      if (!isValType(t)) throw new Error(`no host function for the value type ${String(t)}`);
    }
    const names = Object.keys(HELPERS);
    const make = new Function(...names, `"use strict";\n${hostSource(type)}`)(
      ...Object.values(HELPERS),
    ) as (callback: HostCallback, context: HostContext, zero: Val | undefined) => unknown;
    const resultType = type.results[0];
    const zero = resultType === undefined ? undefined : zeroOf(resultType);
    maker = (callback, context) => make(callback, context, zero);
    makers.set(type, maker);
  }
  return maker;
}
