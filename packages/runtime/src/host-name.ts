/**
 * How error messages name a host function: `name` when the caller gave one, else
 * `host function <body's JavaScript name>` (`host function double` for `function double()` or
 * `const double = () => ...`), else `host function`.
 *
 * @example
 * ```ts
 * hostFuncName(function double() {}); // "host function double"
 * hostFuncName(() => {}); // "host function"
 * hostFuncName(() => {}, "env.log"); // "env.log"
 * ```
 */
export function hostFuncName(body: (...args: never[]) => unknown, name?: string): string {
  if (name !== undefined) return name;
  return body.name === "" ? "host function" : `host function ${body.name}`;
}
