import type { Caller } from "./caller.js";

/**
 * A way of making dynamic calls: each strategy package exports one as `strategy`. The apps see
 * every strategy through this interface only.
 *
 * `Store` and `Func` are the runtime's store and function classes; core-types leaves them open
 * so that it depends on nothing.
 *
 * @example
 * ```ts
 * import { strategy } from "@wasmcall/strategy-funcstorage";
 * const caller = strategy.prepare(store, func);
 * ```
 */
export interface CallStrategy<Store = unknown, Func = unknown> {
  /** A short stable name: `baseline`, `funcstorage`, `store-amortized`, `typed-func`. */
  readonly name: string;
  /** One line saying what the strategy does per call. */
  readonly summary: string;
  /**
   * Prepares calls of `func` (a function of `store`).
   *
   * @throws {StoreMismatchError} when `func` belongs to another store.
   */
  prepare(store: Store, func: Func): Caller;
}
