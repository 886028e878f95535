import type { FuncType } from "./func-type.js";
import type { Val } from "./val.js";

/**
 * A prepared dynamic call of one function: the uniform interface every call strategy offers.
 *
 * `call` checks `params` against {@link Caller.type} (count, then the type of each value, then
 * that every funcref belongs to the caller's store), calls the function and writes its results
 * into `results`, which must have exactly `type.results.length` elements.
 *
 * @example
 * ```ts
 * const caller = strategy.prepare(store, add);
 * const out = [Val.i32(0)];
 * caller.call([Val.i32(1), Val.i32(2)], out);
 * out[0].i32(); // 3
 * ```
 */
export interface Caller {
  /** The signature of the function this caller calls. */
  readonly type: FuncType;
  /**
   * Calls the function.
   *
   * @throws {ArityMismatchError} when `params` or `results` has the wrong length.
   * @throws {TypeMismatchError} when a parameter has the wrong type.
   * @throws {StoreMismatchError} when a funcref parameter belongs to another store.
   * @throws {Trap} when the call traps or exhausts the stack.
   * Whatever a host function throws reaches the caller unchanged.
   */
  call(params: readonly Val[], results: Val[]): void;
}
