import type { CallStrategy } from "@wasmcall/core-types";
import type { Func, Store } from "@wasmcall/runtime";
import { strategy as baseline } from "@wasmcall/strategy-baseline";
import { strategy as funcstorage } from "@wasmcall/strategy-funcstorage";
import { strategy as storeAmortized } from "@wasmcall/strategy-store-amortized";
import { strategy as typedFunc } from "@wasmcall/typed-func";

/** Every registered call strategy: each conformance test runs against all of them. */
export const STRATEGIES: readonly CallStrategy<Store, Func>[] = [
  baseline,
  funcstorage,
  storeAmortized,
  typedFunc,
];
