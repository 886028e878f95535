import { FuncType, SLOT_SIZE, type Val } from "@wasmcall/core-types";
import { checkArgs, checkOwner, checkResults, type Func, type Store } from "@wasmcall/runtime";
import { decodeSlot, encodeSlot } from "./slot-codec.js";

/**
 * Calls `func` with `params` and returns a fresh array of its results: the straightforward
 * dynamic call. Every call fetches the function's type from the engine's registry and copies
 * it, encodes the arguments into a fresh slot buffer, copies that into the store's slots,
 * calls through the wasm trampoline, and decodes the results into a fresh array.
 *
 * @throws {StoreMismatchError} when `func` or a funcref argument belongs to another store.
 * @throws {ArityMismatchError} when `params` has the wrong length.
 * @throws {TypeMismatchError} when `func` is not a `Func`, `params` is not an array, or an
 * argument has the wrong type.
 * @throws {Trap} when the call traps. Whatever a host function throws passes unchanged.
 *
 * @example
 * ```ts
 * const [sum] = call(store, add, [Val.i32(1), Val.i32(2)]);
 * sum.i32(); // 3
 * ```
 */
export function call(store: Store, func: Func, params: readonly Val[]): Val[] {
  return callExpecting(store, func, params, undefined);
}

/**
 * {@link call}, checking also that `results` (when given) can take the results before the call
 * is made: how the baseline's `Caller` reports a wrong results array in the same order of
 * checks as the other strategies.
 */
export function callExpecting(
  store: Store,
  func: Func,
  params: readonly Val[],
  results: unknown,
): Val[] {
  checkOwner(store, func);
  const registered = store.engine.typeAt(func.typeIndex);
  const type = new FuncType(registered.params, registered.results);
  // A fresh copy of the arguments, read once: what is checked is what is passed.
  const args = Array.isArray(params) ? [...params] : params;
  checkArgs(store, func, type, args);
  if (results !== undefined) checkResults(func, type, results);
  const slots = store.slots;
  const buffer = new Uint8Array(SLOT_SIZE * Math.max(type.params.length, type.results.length));
  args.forEach((p, i) => {
    encodeSlot(slots, buffer, i, p);
  });
  slots.u8.set(buffer);
  func.callRaw();
  buffer.set(slots.u8.subarray(0, buffer.length));
  return type.results.map((t, i) => decodeSlot(slots, buffer, i, t));
}
