import { type FuncType, isValType, Val, type ValType } from "@wasmcall/core-types";
import { Func } from "../func.js";
import type { Store } from "../store.js";
import { trapFromError } from "../trap-from-error.js";
import type { PlannedCall } from "./call-plan.js";

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

/** The helpers generated calls use, handed to the generated source by name. */
const HELPERS = {
  typeOf: Val.typeOf,
  loOf: Val.loOf,
  hiOf: Val.hiOf,
  refOf: Val.refOf,
  isResultCell: Val.isResultCell,
  put: Val.put,
  storeOf: Func.storeOf,
  isArray: Array.isArray,
  isFrozen: Object.isFrozen,
  trapFromError,
};

/** The generated source's statements that read argument `k` (of type `t`) for the engine. */
function directArg(k: number, t: ValType, doubt: string): { test: string; value: string } {
  switch (t) {
    case "i32":
      return { test: "", value: `loOf(a${k})` };
    case "f32":
      // A NaN's payload may not survive a JavaScript number: such a call goes the exact way
      // (the test of `isNaNOfType`, written out).
      return {
        test: `const l${k} = loOf(a${k});
  if ((l${k} & 0x7f800000) === 0x7f800000 && (l${k} & 0x7fffff) !== 0) ${doubt}`,
        value: `(u32OfF32[0] = l${k}, f32[0])`,
      };
    case "f64":
      return {
        test: `const l${k} = loOf(a${k}), h${k} = hiOf(a${k});
  if ((h${k} & 0x7ff00000) === 0x7ff00000 && ((h${k} & 0xfffff) !== 0 || l${k} !== 0)) ${doubt}`,
        value: `(u32OfF64[0] = l${k}, u32OfF64[1] = h${k}, f64[0])`,
      };
    case "funcref":
      return { test: "", value: `(r${k} === null ? null : r${k}.js)` };
    default:
      return { test: "", value: `refOf(a${k})` };
  }
}

/** The generated source's statement that writes argument `k` (of type `t`) to its slot. */
function slotArg(k: number, t: ValType): string {
  if (t === "i32" || t === "f32") return `s.u32[${k * 4}] = loOf(a${k});`;
  if (t === "f64") return `s.u32[${k * 4}] = loOf(a${k}); s.u32[${k * 4 + 1}] = hiOf(a${k});`;
  return `s.write(${k}, a${k});`;
}

/** The generated source's statement that delivers direct result `value` (of type `t`) to `i`. */
function directResult(i: number, t: ValType, value: string): string {
  if (t === "i32") return `put(results, ${i}, "i32", ${value}, 0, null);`;
  if (t === "funcref") {
    return `put(results, ${i}, "funcref", 0, 0, ${value} === null ? null : store.funcOf(${value}));`;
  }
  return `put(results, ${i}, "${t}", 0, 0, ${value});`;
}

/** The generated source's statement that delivers the single result in slot 0 (of type `t`). */
function slotResult(t: ValType): string {
  if (t === "i32") return `put(results, 0, "i32", s.i32[0], 0, null);`;
  if (t === "f32") return `put(results, 0, "f32", s.u32[0], 0, null);`;
  if (t === "f64") return `put(results, 0, "f64", s.u32[0], s.u32[1], null);`;
  return `s.readInto(results, 0, 0, "${t}");`;
}

/**
 * The source of the planned call of `type`, flat: the call's own tests, then each argument
 * read once into a local and given the quick test for its type, then (every test passed) the
 * arguments converted and the export called directly (`direct`), or written to the slots and
 * the function called through them. Any doubt goes to `general`, which checks fully and
 * throws the precise error. Only the type, never a value, goes into the source.
 */
function callSource(type: FuncType, direct: boolean): string {
  const params = type.params;
  const results = type.results;
  const n = params.length;
  const m = results.length;
  const doubt = "return general(store, func, p, results, lender);";
  const cells = results.map((_, i) => `isResultCell(results[${i}])`).join(" && ");
  const lines = [
    "return function plannedCall(store, func, p, results, lender) {",
    `  if (storeOf(func) !== store || store === undefined || !isArray(p) || p.length !== ${n} ||`,
    "    !isArray(results) ||",
    `    results.length !== ${m}${m > 0 ? ` || (!(${cells}) && isFrozen(results))` : ""}) ${doubt}`,
  ];
  params.forEach((_, k) => {
    lines.push(`  const a${k} = p[${k}];`);
  });
  if (n > 0) {
    const tests = params.map((t, k) => `typeOf(a${k}) !== "${t}"`).join(" || ");
    lines.push(`  if (${tests}) ${doubt}`);
  }
  params.forEach((t, k) => {
    if (t === "funcref") {
      lines.push(`  const r${k} = refOf(a${k});`);
      lines.push(`  if (r${k} !== null && storeOf(r${k}) !== store) ${doubt}`);
    }
  });
  if (direct) {
    const args = params.map((t, k) => directArg(k, t, doubt));
    for (const { test } of args) if (test !== "") lines.push(`  ${test}`);
    lines.push("  let v;");
    lines.push(`  try { v = func.js(${args.map((a) => a.value).join(", ")}); }`);
    lines.push("  catch (error) { throw trapFromError(error); }");
    if (m === 1) lines.push(`  ${directResult(0, results[0] as ValType, "v")}`);
    else if (m > 1) {
      results.forEach((_, i) => {
        lines.push(`  const v${i} = v[${i}];`);
      });
      results.forEach((t, i) => {
        lines.push(`  ${directResult(i, t, `v${i}`)}`);
      });
    }
  } else {
    lines.push("  const s = store.slots;");
    params.forEach((t, k) => {
      lines.push(`  ${slotArg(k, t)}`);
    });
    if (m === 1) {
      lines.push("  func.callRaw();");
      lines.push(`  ${slotResult(results[0] as ValType)}`);
    } else lines.push("  callAndDeliver(store, func, results);");
  }
  lines.push("};");
  return lines.join("\n");
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
  for (const t of [...type.params, ...type.results]) {
    // Only value types go into the source (an interned type holds nothing else).
    if (!isValType(t)) throw new Error(`no generated call for the value type ${String(t)}`);
  }
  const f32 = new Float32Array(1);
  const f64 = new Float64Array(1);
  const scope = {
    ...HELPERS,
    general,
    callAndDeliver,
    f32,
    u32OfF32: new Uint32Array(f32.buffer),
    f64,
    u32OfF64: new Uint32Array(f64.buffer),
  };
  const names = Object.keys(scope);
  const make = new Function(...names, `"use strict";\n${callSource(type, direct)}`);
  return make(...Object.values(scope)) as PlannedCall;
}
