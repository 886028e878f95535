import { ArityMismatchError, type FuncType, isValType, type ValType } from "@wasmcall/core-types";
import { Func, type Store, trapFromError } from "@wasmcall/runtime";
import type { AnyCall } from "./direct-call.js";
import { funcArgument, kindOf, refusal, type Site } from "./engine-value.js";

/**
 * What the generated code of one signature is made into: given the function's export, the
 * site its errors name and its store, the typed call of that function.
 */
type Make = (js: unknown, site: Site, store: Store) => AnyCall;

/**
 * The helpers every generated call uses, handed to the generated source by name once per
 * signature: constants of the code, never values of a call.
 */
const HELPERS = {
  arity: (site: Site, expected: number, actual: number) =>
    new ArityMismatchError(site.subject, "arguments", expected, actual),
  refusal,
  funcArgument,
  storeOf: Func.storeOf,
  trapFromError,
  asIntN: BigInt.asIntN,
  asUintN: BigInt.asUintN,
  fround: Math.fround,
};

/** The code made so far, by signature key (`FuncType.key`): one compilation per signature. */
const made = new Map<string, Make>();

/**
 * Whether the host lets this package make functions from source (`new Function`): not in a
 * page whose Content-Security-Policy lacks `unsafe-eval`, nor under Node's
 * `--disallow-code-generation-from-strings`. Tested once, with a constant body, as the runtime
 * tests it; a refusal seen later (see {@link generatedCall}) also counts.
 */
let codegenAllowed: boolean = (() => {
  try {
    return new Function("return 1")() === 1;
  } catch {
    return false;
  }
})();

/**
 * The typed call of `func` (whose signature has no v128) as code generated for its signature
 * with `new Function` (see {@link callSource}), or null where code generation is off: the
 * function's engine was made with `codegen: false` (`Engine.codegen`), or the host refuses
 * `new Function`. The caller then uses the closures of `directCall`.
 *
 * The code is compiled once per signature and kept in a module-level map; each function gets
 * its own closure of it over its export.
 *
 * @example
 * ```ts
 * const call = generatedCall(add) ?? directCall(add);
 * call(1, 2); // 3
 * ```
 */
export function generatedCall(func: Func): AnyCall | null {
  if (!codegenAllowed || !func.store.engine.codegen) return null;
  const type = func.ty();
  let make = made.get(type.key);
  if (make === undefined) {
    const source = callSource(type);
    let factory: (...helpers: unknown[]) => Make;
    try {
      factory = new Function(...Object.keys(HELPERS), source) as typeof factory;
    } catch {
      codegenAllowed = false;
      return null;
    }
    make = factory(...Object.values(HELPERS));
    made.set(type.key, make);
  }
  const store = func.store;
  const site: Site = { store, subject: String(func), what: "argument" };
  return make(func.js, site, store);
}

/**
 * The statements that check argument `k` of type `t` (named `a<k>`) and the expression the
 * export is called with for it. The tests are those of `toEngine`, written out; a refused
 * value throws the error `toEngine` throws.
 */
function argument(k: number, t: ValType): { test: string; value: string } {
  const a = `a${k}`;
  const refuse = `throw refusal(${kindOf(t, "typed call")}, ${a}, site, ${k});`;
  switch (t) {
    case "i32":
      return {
        test: `if (typeof ${a} !== "number" || ((${a} | 0) !== ${a} && ${a} >>> 0 !== ${a})) ${refuse}`,
        value: a,
      };
    case "i64":
      return {
        test: `if (typeof ${a} !== "bigint" || (asIntN(64, ${a}) !== ${a} && asUintN(64, ${a}) !== ${a})) ${refuse}`,
        value: a,
      };
    case "f32":
      return {
        test: `if (typeof ${a} !== "number" || (fround(${a}) !== ${a} && ${a} === ${a})) ${refuse}`,
        value: a,
      };
    case "f64":
      return { test: `if (typeof ${a} !== "number") ${refuse}`, value: a };
    case "funcref":
      return {
        test: `const x${k} = ${a} === null ? null : storeOf(${a}) === store ? ${a}.js : funcArgument(${a}, site, ${k});`,
        value: `x${k}`,
      };
    case "externref":
      return { test: "", value: a };
    default:
      // v128 cannot cross the JavaScript boundary: its signatures go through the slots.
      throw new Error(`no generated typed call for the value type ${t}`);
  }
}

/**
 * The source of the typed call of `type`: one flat function of fixed parameters that counts
 * its arguments (`arguments.length`, which the engine reads from a register), checks each
 * argument with the test of its type, unrolled, calls the export directly with them, in a
 * `try` whose `catch` turns engine traps into `Trap`s, and returns the engine's result (a
 * funcref made the store's `Func`). Only the type, never a value, goes into the source.
 */
function callSource(type: FuncType): string {
  for (const t of [...type.params, ...type.results]) {
    // Only value types go into the source (an interned type holds nothing else).
    if (!isValType(t)) throw new Error(`no generated typed call for the value type ${String(t)}`);
  }
  const n = type.params.length;
  const names = type.params.map((_, k) => `a${k}`);
  const args = type.params.map((t, k) => argument(k, t));
  const call = `js(${args.map((x) => x.value).join(", ")})`;
  const results = type.results;
  const lines = [
    '"use strict";',
    "return function make(js, site, store) {",
    `  return function typedCall(${names.join(", ")}) {`,
    `    if (arguments.length !== ${n}) throw arity(site, ${n}, arguments.length);`,
  ];
  for (const { test } of args) if (test !== "") lines.push(`    ${test}`);
  const funcrefs = results.flatMap((t, i) => (t === "funcref" ? [i] : []));
  if (funcrefs.length === 0) {
    lines.push(`    try { return ${call}; } catch (error) { throw trapFromError(error); }`);
  } else {
    lines.push("    let v;");
    lines.push(`    try { v = ${call}; } catch (error) { throw trapFromError(error); }`);
    if (results.length === 1) lines.push("    return v === null ? null : store.funcOf(v);");
    else {
      for (const i of funcrefs) {
        lines.push(`    const v${i} = v[${i}];`);
        lines.push(`    v[${i}] = v${i} === null ? null : store.funcOf(v${i});`);
      }
      lines.push("    return v;");
    }
  }
  lines.push("  };", "};");
  return lines.join("\n");
}
