import { do_not_optimize } from "mitata/src/lib.mjs";

/**
 * Compiles the measured closure of a contestant:
 * `function name() { const r = <expression>; do_not_optimize(r); return r; }`, where the
 * expression's free names are bound to the values of `scope`. `name` (made an identifier) is
 * what profiles and V8's traces call the closure.
 *
 * The closure is compiled from source on purpose, as mitata compiles its measuring loops: every
 * contestant then has code and type feedback of its own. Closures made from one function literal
 * share V8's feedback and optimized code, so a literal used by several contestants would see
 * several callees, stop inlining them, and add its own cost to every figure. The values come
 * from the closure's context (never constants the optimiser could fold) and the result is kept
 * alive with mitata's `do_not_optimize`, so nothing is measured away.
 *
 * @example
 * ```ts
 * const run = freshRun("add-i32/raw/native", { f: add, a: [1, 2] }, "f(a[0], a[1])");
 * run(); // 3
 * ```
 */
export function freshRun(
  name: string,
  scope: Readonly<Record<string, unknown>>,
  expression: string,
): () => unknown {
  const names = Object.keys(scope);
  const make = new Function(
    ...names,
    "do_not_optimize",
    `"use strict";\nreturn function ${name.replace(/[^\w$]/g, "_")}() {\n  const r = ${expression};\n  do_not_optimize(r);\n  return r;\n};`,
  ) as (...values: unknown[]) => () => unknown;
  return make(...names.map((n) => scope[n]), do_not_optimize);
}

/** The argument list `a[0], a[1], ...` of a call with `arity` arguments taken from array `a`. */
export function spreadArgs(arity: number, array = "a"): string {
  return Array.from({ length: arity }, (_, i) => `${array}[${i}]`).join(", ");
}
