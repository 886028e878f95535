import { ArityMismatchError } from "@wasmcall/core-types";
import type { Func } from "@wasmcall/runtime";
import type { AnyCall } from "./direct-call.js";
import { type SlotReader, type SlotWriter, slotReader, slotWriter } from "./slot-value.js";

/**
 * The typed call of `func` through the store's slots and the raw call (`func.callRaw()`): the
 * path for signatures with v128, which cannot cross the JavaScript boundary. The closure,
 * made once, checks the argument count, checks and writes each argument into its slot, calls,
 * and reads the results back (`void` for none, the value for one, an array for several).
 *
 * @throws {ArityMismatchError} (from the call) for a wrong number of arguments.
 * @throws {ValueRangeError} (from the call) for an argument the type does not hold exactly.
 * @throws {TypeMismatchError} (from the call) for a funcref argument that is not a `Func`.
 * @throws {StoreMismatchError} (from the call) for a funcref argument of another store.
 * @throws {Trap} (from the call) when the call traps. Host exceptions pass unchanged.
 *
 * @example
 * ```ts
 * const call = slotsCall(splat); // splat: (i32) -> v128
 * (call(7) as V128).i32x4(); // Int32Array [7, 7, 7, 7]
 * ```
 */
export function slotsCall(func: Func): AnyCall {
  const type = func.ty();
  const subject = String(func);
  const site = { store: func.store, subject, what: "argument" } as const;
  const writers = type.params.map((t, i) => slotWriter(t, site, i));
  const read = readResults(type.results.map((t, i) => slotReader(t, func.store, i)));
  const n = writers.length;
  return (...values) => {
    if (values.length !== n) throw new ArityMismatchError(subject, "arguments", n, values.length);
    for (let i = 0; i < n; i++) (writers[i] as SlotWriter)(values[i]);
    func.callRaw();
    return read();
  };
}

function readResults(readers: readonly SlotReader[]): SlotReader {
  if (readers.length === 0) return () => undefined;
  if (readers.length === 1) return readers[0] as SlotReader;
  return () => readers.map((read) => read());
}
