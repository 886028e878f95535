import { strategy as baseline } from "@wasmcall/strategy-baseline";
import { strategy as funcstorage } from "@wasmcall/strategy-funcstorage";
import { strategy as storeAmortized } from "@wasmcall/strategy-store-amortized";
import { strategy as typedFunc } from "@wasmcall/typed-func";
import { fromStrategy, type Invoker } from "./invoker.js";
import { jsApi } from "./js-api-caller.js";

/** Every registered call strategy, then the `js-api` reference: the columns of `all`. */
export const INVOKERS: readonly Invoker[] = Object.freeze([
  fromStrategy(baseline),
  fromStrategy(funcstorage),
  fromStrategy(storeAmortized),
  fromStrategy(typedFunc),
  jsApi,
]);

/**
 * The invokers `--strategy name` selects: every one for `all`, else the one with that name.
 *
 * @throws {Error} naming the choices when no invoker has that name.
 */
export function selectInvokers(name: string): readonly Invoker[] {
  if (name === "all") return INVOKERS;
  const found = INVOKERS.find((invoker) => invoker.name === name);
  if (found === undefined) {
    const names = ["all", ...INVOKERS.map((invoker) => invoker.name)].join(", ");
    throw new Error(`unknown strategy ${JSON.stringify(name)} (choose from ${names})`);
  }
  return [found];
}
