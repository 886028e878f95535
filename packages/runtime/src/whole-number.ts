import { TypeMismatchError, typeName, ValueRangeError } from "@wasmcall/core-types";

/**
 * `value` when it is an integer from 0 to `max`: a size, count, index or offset given to a
 * memory or table, which the engine would otherwise truncate or convert silently.
 *
 * @throws {TypeMismatchError} when `value` is not a number.
 * @throws {ValueRangeError} when it is not an integer from 0 to `max`.
 */
export function wholeNumber(what: string, value: unknown, max: number): number {
  if (typeof value !== "number") throw new TypeMismatchError(what, "a number", typeName(value));
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new ValueRangeError(what, value, `not an integer from 0 to ${max}`);
  }
  return value;
}
