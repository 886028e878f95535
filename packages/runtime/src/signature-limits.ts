import { type FuncType, TypeMismatchError } from "@wasmcall/core-types";

/**
 * The most parameters, and the most results, a function may have: the limit of the
 * JavaScript engines (V8, JavaScriptCore and SpiderMonkey alike), which refuse to compile a
 * module with a larger function type.
 */
export const MAX_FUNC_VALUES = 1000;

/**
 * Checks that functions of `type` can exist in the engine, before anything is made for one.
 *
 * @throws {TypeMismatchError} naming `subject` when `type` has more than
 * {@link MAX_FUNC_VALUES} parameters or results.
 */
export function checkSignatureLimits(type: FuncType, subject: string): void {
  for (const [what, count] of [
    ["parameters", type.params.length],
    ["results", type.results.length],
  ] as const) {
    if (count > MAX_FUNC_VALUES) {
      throw new TypeMismatchError(
        `${subject}: function type`,
        `at most ${MAX_FUNC_VALUES} ${what}`,
        `${count} ${what}`,
      );
    }
  }
}
