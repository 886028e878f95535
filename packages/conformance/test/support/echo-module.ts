import type { ValType } from "@wasmcall/core-types";

/**
 * An echo function in the text format: `(func (export name) (param ...) (result ...))` whose
 * result `j` is its parameter `picks[j]`.
 */
export function echoFunc(
  name: string,
  params: readonly ValType[],
  picks: readonly number[],
): string {
  const results = picks.map((k) => params[k] as ValType);
  return `(func (export "${name}") ${signature(params, results)} ${picks.map((k) => `local.get ${k}`).join(" ")})`;
}

/** The `(param ...) (result ...)` of a function's text, each part left out when empty. */
export function signature(params: readonly ValType[], results: readonly ValType[]): string {
  const p = params.length > 0 ? `(param ${params.join(" ")})` : "";
  const r = results.length > 0 ? `(result ${results.join(" ")})` : "";
  return `${p} ${r}`;
}
