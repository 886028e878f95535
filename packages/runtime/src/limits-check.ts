import { TypeMismatchError, typeName, ValueRangeError } from "@wasmcall/core-types";
import type { Limits } from "./extern-type.js";
import { wholeNumber } from "./whole-number.js";

/**
 * The limits of `type` (`subject` names the call and the kind: `Memory.create memory`), checked
 * before the engine sees them: an object whose `min` is an integer from 0 to `engineMax` and
 * whose `max`, if any, is an integer from `min` to `engineMax`.
 *
 * @throws {TypeMismatchError} when `type` is not an object or a limit is not a number.
 * @throws {ValueRangeError} when a limit is not an integer in range.
 */
export function checkLimits(subject: string, type: unknown, engineMax: number): Limits {
  if (typeof type !== "object" || type === null) {
    throw new TypeMismatchError(subject, "a type object ({ min, max? })", typeName(type));
  }
  const { min, max } = type as Record<string, unknown>;
  wholeNumber(`${subject} minimum`, min, engineMax);
  if (max === undefined) return { min: min as number };
  wholeNumber(`${subject} maximum`, max, engineMax);
  if ((max as number) < (min as number)) {
    throw new ValueRangeError(`${subject} maximum`, max, `below the minimum ${min}`);
  }
  return { min: min as number, max: max as number };
}
