import type { Caller, CallStrategy, Val } from "@wasmcall/core-types";
import type { Func, Global, Store } from "@wasmcall/runtime";

/**
 * How a run calls exported functions and reads exported globals: one column of the report.
 * A call strategy (through {@link fromStrategy}), or the plain JavaScript API reference.
 */
export interface Invoker {
  /** The column's name: the strategy's name, or `js-api`. */
  readonly name: string;
  /** Whether this is a reference column, whose failures do not fail the run. */
  readonly reference: boolean;
  /** Prepares calls of `func` (made once per function and reused). */
  prepare(store: Store, func: Func): Caller;
  /** The value of `global`. */
  readGlobal(global: Global): Val;
}

/**
 * The invoker that calls through `strategy` (`strategy.prepare`, then `caller.call`) and reads
 * globals exactly with `Global.get()`.
 */
export function fromStrategy(strategy: CallStrategy<Store, Func>): Invoker {
  return {
    name: strategy.name,
    reference: false,
    prepare: (store, func) => strategy.prepare(store, func),
    readGlobal: (global) => global.get(),
  };
}
