import { type FuncType, isValType, Val, type ValType } from "@wasmcall/core-types";
import { Func } from "../func.js";
import { refHierarchy } from "../ref-hierarchy.js";
import type { Store } from "../store.js";
import { hasBitsWrapper } from "../trampoline/bits-wrapper.js";
import { trapFromError } from "../trap-from-error.js";
import type { BoundCall, PlannedCall } from "./call-plan.js";

/**
 * Whether the host lets the runtime make functions from source (`new Function`): not in a
 * page whose Content-Security-Policy lacks `unsafe-eval`. Tested once, with a constant body.
 */
export const codegenAllowed: boolean = (() => {
  try {
    return new Function("return 1")() === 1;
  } catch {
    return false;
  }
})();

/** The words of one f32 and of one f64: how the helpers below turn bits into numbers. */
const F32 = new Float32Array(1);
const U32_OF_F32 = new Uint32Array(F32.buffer);
const F64 = new Float64Array(1);
const U32_OF_F64 = new Uint32Array(F64.buffer);

/**
 * The helpers generated calls use, handed to the generated source by name. The float ones are
 * small functions rather than expressions written out, so that each generated call stays
 * within the engine's limit for inlining it where it is called.
 */
const HELPERS = {
  typeOf: Val.typeOf,
  loOf: Val.loOf,
  hiOf: Val.hiOf,
  refOf: Val.refOf,
  isResultCell: Val.isResultCell,
  put: Val.put,
  setCell: Val.setCell,
  storeOf: Func.storeOf,
  isArray: Array.isArray,
  isFrozen: Object.isFrozen,
  trapFromError,
  /** Whether the f32 bits `lo` are a NaN (whose payload a JavaScript number may not keep). */
  isNaN32: (lo: number): boolean => (lo & 0x7f800000) === 0x7f800000 && (lo & 0x7fffff) !== 0,
  /** Whether the f64 words `lo`, `hi` are a NaN. */
  isNaN64: (lo: number, hi: number): boolean =>
    (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) !== 0 || lo !== 0),
  /** The f32 of bits `lo` (not a NaN) as a number. */
  f32Of: (lo: number): number => {
    U32_OF_F32[0] = lo;
    return F32[0] as number;
  },
  /** The f64 of words `lo`, `hi` (not a NaN) as a number. */
  f64Of: (lo: number, hi: number): number => {
    U32_OF_F64[0] = lo;
    U32_OF_F64[1] = hi;
    return F64[0] as number;
  },
};

/** The generated source's statements that read argument `k` (of type `t`) for the engine. */
function directArg(k: number, t: ValType, doubt: string): { test: string; value: string } {
  switch (t) {
    case "i32":
      return { test: "", value: `loOf(a${k})` };
    case "f32":
      // A NaN's payload may not survive a JavaScript number: such a call goes the exact way.
      return {
        test: `const l${k} = loOf(a${k});
  if (isNaN32(l${k})) ${doubt}`,
        value: `f32Of(l${k})`,
      };
    case "f64":
      return {
        test: `const l${k} = loOf(a${k}), h${k} = hiOf(a${k});
  if (isNaN64(l${k}, h${k})) ${doubt}`,
        value: `f64Of(l${k}, h${k})`,
      };
    default:
      if (refHierarchy(t) === "func")
        return { test: "", value: `(r${k} === null ? null : r${k}.js)` };
      return { test: "", value: `refOf(a${k})` };
  }
}

/**
 * The generated source's expression passing argument `k` (of type `t`) to a bits wrapper (see
 * `bitsWrapper`): an f32 as its bits, an f64 as its two words, NaNs too; anything else as to
 * the export (see {@link directArg}, which tests nothing for these types).
 */
function bitsArg(k: number, t: ValType): string {
  if (t === "f32") return `loOf(a${k})`;
  if (t === "f64") return `loOf(a${k}), hiOf(a${k})`;
  return directArg(k, t, "").value;
}

/** The generated source's statement that writes argument `k` (of type `t`) to its slot. */
function slotArg(k: number, t: ValType): string {
  if (t === "i32" || t === "f32") return `s.u32[${k * 4}] = loOf(a${k});`;
  if (t === "f64") return `s.u32[${k * 4}] = loOf(a${k}); s.u32[${k * 4 + 1}] = hiOf(a${k});`;
  if (t === "v128") return `refOf(a${k}).copyWordsTo(s.i32, ${k * 4});`;
  return `s.write(${k}, a${k});`;
}

/**
 * The generated source's statement that writes result `i` of type `t`, given by its raw
 * representation (`lo`, `hi`, `ref`, as `Val.raw` takes them): into the result cell `c<i>`
 * tested before the call (`k<i>`) when the results array still holds it, else by `put`.
 */
function writeResult(i: number, t: ValType, lo: string, hi: string, ref: string): string {
  const raw = `"${t}", ${lo}, ${hi}, ${ref}`;
  return `if (k${i} && results[${i}] === c${i}) setCell(c${i}, ${raw}); else put(results, ${i}, ${raw});`;
}

/** The generated source's statement that delivers direct result `value` (of type `t`) to `i`. */
function directResult(i: number, t: ValType, value: string): string {
  if (t === "i32") return writeResult(i, t, value, "0", "null");
  if (refHierarchy(t) === "func") {
    return writeResult(i, t, "0", "0", `${value} === null ? null : store.funcOf(${value})`);
  }
  return writeResult(i, t, "0", "0", value);
}

/** The generated source's statement that delivers the single result in slot 0 (of type `t`). */
function slotResult(t: ValType): string {
  if (t === "i32") return writeResult(0, t, "s.i32[0]", "0", "null");
  if (t === "f32") return writeResult(0, t, "s.u32[0]", "0", "null");
  if (t === "f64") return writeResult(0, t, "s.u32[0]", "s.u32[1]", "null");
  return `s.readInto(results, 0, 0, "${t}");`;
}

/**
 * How a generated call reaches its function: through the `store` and `func` it is given (one
 * call for every function of the type), or bound to one function, whose store `S`, export
 * `js` and float-result wrapper `w` (see `bitsWrapper`) are constants of the call.
 */
type Reach = "plan" | "bound";

/**
 * The source of the call of `type`, flat: the call's own tests, then each argument read once
 * into a local and given the quick test for its type, then (every test passed) the arguments
 * converted and the export called directly (`direct`; a bound call with a float result calls
 * its wrapper `w` and gets the result's bits), or written to the slots and the function called
 * through them. Any doubt goes to `general`, which checks fully and throws the precise error.
 * Only the type, never a value, goes into the source.
 */
function callSource(type: FuncType, direct: boolean, reach: Reach): string {
  const params = type.params;
  const results = type.results;
  const n = params.length;
  const m = results.length;
  const bound = reach === "bound";
  const bits = bound && hasBitsWrapper(type);
  // Every doubt leaves the checked block for the one call of `general` after it: one jump each,
  // which keeps the function small enough for engines to inline where it is called.
  const doubt = "break checked;";
  const general = bound
    ? "return general(store, F, p, results, lender);"
    : "return general(store, func, p, results, lender);";
  const cells = results.map((_, i) => `k${i}`).join(" && ");
  const owner = bound ? "store !== S" : "storeOf(func) !== store || store === undefined";
  const lines = [
    `  if (${owner} || !isArray(p) || p.length !== ${n} || !isArray(results) || results.length !== ${m}) ${doubt}`,
  ];
  // Each result's cell read and tested once: a frozen array without cells cannot take results.
  results.forEach((_, i) => {
    lines.push(`  const c${i} = results[${i}], k${i} = isResultCell(c${i});`);
  });
  if (m > 0) lines.push(`  if (!(${cells}) && isFrozen(results)) ${doubt}`);
  params.forEach((_, k) => {
    lines.push(`  const a${k} = p[${k}];`);
  });
  if (n > 0) {
    const tests = params.map((t, k) => `typeOf(a${k}) !== "${t}"`).join(" || ");
    lines.push(`  if (${tests}) ${doubt}`);
  }
  params.forEach((t, k) => {
    if (refHierarchy(t) === "func") {
      lines.push(`  const r${k} = refOf(a${k});`);
      lines.push(`  if (r${k} !== null && storeOf(r${k}) !== store) ${doubt}`);
    }
  });
  if (direct || bits) {
    const args = bits
      ? params.map((t, k) => ({ test: "", value: bitsArg(k, t) }))
      : params.map((t, k) => directArg(k, t, doubt));
    for (const { test } of args) if (test !== "") lines.push(`  ${test}`);
    const callee = bits ? "w" : bound ? "js" : "func.js";
    lines.push("  let v;");
    lines.push(`  try { v = ${callee}(${args.map((a) => a.value).join(", ")}); }`);
    lines.push("  catch (error) { throw trapFromError(error); }");
    if (bits && results[0] === "f32")
      lines.push(`  ${writeResult(0, "f32", "v >>> 0", "0", "null")}`);
    else if (bits) lines.push(`  ${writeResult(0, "f64", "v >>> 0", "high[0]", "null")}`);
    else if (m === 1) lines.push(`  ${directResult(0, results[0] as ValType, "v")}`);
    else if (m > 1) {
      results.forEach((_, i) => {
        lines.push(`  const v${i} = v[${i}];`);
      });
      results.forEach((t, i) => {
        lines.push(`  ${directResult(i, t, `v${i}`)}`);
      });
    }
  } else {
    const func = bound ? "F" : "func";
    lines.push("  const s = store.slots;");
    params.forEach((t, k) => {
      lines.push(`  ${slotArg(k, t)}`);
    });
    if (m === 1) {
      lines.push(`  ${func}.callRaw();`);
      lines.push(`  ${slotResult(results[0] as ValType)}`);
    } else lines.push(`  callAndDeliver(store, ${func}, results);`);
  }
  const body = [
    "  checked: {",
    ...lines.map((l) => `  ${l}`),
    "    return;",
    "  }",
    `  ${general}`,
  ].join("\n");
  return bound
    ? `return function bind(F, S, js, w, high) {\n  return function boundCall(store, p, results, lender) {\n${body}\n  };\n};`
    : `return function plannedCall(store, func, p, results, lender) {\n${body}\n};`;
}

/** The scope the generated source of one type runs in: the helpers and the type's own. */
function scopeOf(
  general: PlannedCall,
  callAndDeliver: (store: Store, func: Func, results: Val[]) => void,
): Record<string, unknown> {
  return { ...HELPERS, general, callAndDeliver };
}

/** Makes the function `source` returns, in `scope`, after checking what goes into it. */
function compile(type: FuncType, scope: Record<string, unknown>, source: string): unknown {
  for (const t of [...type.params, ...type.results]) {
    // Only value types go into the source (an interned type holds nothing else).
    if (!isValType(t)) throw new Error(`no generated call for the value type ${String(t)}`);
  }
  const names = Object.keys(scope);
  const make = new Function(...names, `"use strict";\n${source}`);
  return make(...Object.values(scope));
}

/**
 * The planned call of `type` as code generated for the signature (see {@link callSource}):
 * no loop, no call through a shared closure, each test and conversion written out for its
 * type, so the engine compiles each signature on its own feedback. `general` is the full
 * call it falls back on; `callAndDeliver` calls through the slots and delivers several
 * results. Only for a host that allows `new Function` (see {@link codegenAllowed}).
 */
export function generatedCall(
  type: FuncType,
  direct: boolean,
  general: PlannedCall,
  callAndDeliver: (store: Store, func: Func, results: Val[]) => void,
): PlannedCall {
  const scope = scopeOf(general, callAndDeliver);
  return compile(type, scope, callSource(type, direct, "plan")) as PlannedCall;
}

/**
 * What binds a generated call of `type` to one function: called with the function, its store,
 * its export, its float-result wrapper (or undefined) and the words the wrapper leaves an f64
 * result's high word in, it returns that function's own call (see {@link BoundCall}).
 */
export type CallBinder = (
  func: Func,
  store: Store,
  js: unknown,
  wrapper: unknown,
  high: Uint32Array,
) => BoundCall;

/**
 * The binder of generated calls of `type` to single functions (see {@link CallBinder}): the
 * same code as {@link generatedCall}, with the function's store and export (and its float
 * result wrapper, see `bitsWrapper`) as constants. Made once per type; only for a host that
 * allows `new Function`.
 */
export function generatedBinder(
  type: FuncType,
  direct: boolean,
  general: PlannedCall,
  callAndDeliver: (store: Store, func: Func, results: Val[]) => void,
): CallBinder {
  const scope = scopeOf(general, callAndDeliver);
  return compile(type, scope, callSource(type, direct, "bound")) as CallBinder;
}
