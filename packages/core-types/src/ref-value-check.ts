import { TypeMismatchError } from "./errors/type-mismatch-error.js";
import { UnsupportedFeatureError } from "./errors/unsupported-feature-error.js";
import { ValueRangeError } from "./errors/value-range-error.js";
import type { FuncHandle } from "./func-handle.js";
import { isBottom, topOf } from "./heap-type.js";
import { refTest } from "./ref-test.js";
import { abstractOf } from "./subtype.js";
import { typeName } from "./type-name.js";
import { definedType } from "./type-registry.js";
import { type RefType, refParts } from "./val-type.js";

/** The smallest and largest i31 (signed 31-bit) values. */
const I31_MIN = -(2 ** 30);
const I31_MAX = 2 ** 30 - 1;

/**
 * Checks that `value` is a reference of type `type` (null only where the type is nullable),
 * as far as JavaScript can tell it before a call: a function reference a function handle of
 * that signature; an extern reference anything; an `any` reference anything, and below `any`
 * (`eq`, `i31`, `struct`, `array`, a defined struct or array type) what the engine's own
 * `ref.test` accepts (see `refTest`), an i31 a whole number of 31 bits. Errors name `subject`.
 *
 * @throws {TypeMismatchError} when `type` is no reference type, or `value` is not of it.
 * @throws {ValueRangeError} for an i31 out of range.
 * @throws {UnsupportedFeatureError} for an `exn` reference (exceptions cannot be made or held
 * as values in JavaScript), or a GC type on an engine without garbage collection.
 */
export function checkRefValue(subject: string, type: RefType, value: unknown): void {
  const parts = typeof type === "string" ? refParts(type) : undefined;
  if (parts === undefined) {
    throw new TypeMismatchError(`${subject} type`, "a reference type", typeName(type));
  }
  if (value === null) {
    if (!parts.nullable) throw new TypeMismatchError(subject, type, "null");
    return;
  }
  const abstract = abstractOf(parts.heap);
  if (abstract === undefined)
    throw new TypeMismatchError(`${subject} type`, "a known heap type", type);
  if (isBottom(abstract))
    throw new TypeMismatchError(subject, `${type} (only null)`, typeName(value));
  switch (topOf(abstract)) {
    case "func":
      checkFunc(subject, type, parts.heap, value);
      return;
    case "extern":
      return;
    case "exn":
      throw new UnsupportedFeatureError(subject, "exception references as JavaScript values");
    default:
      if (parts.heap === "any") return;
      if (parts.heap === "i31" && !isI31(value)) {
        throw new ValueRangeError(type, value, "not a whole number in -2^30..2^30-1");
      }
      if (!refTest(parts.heap)(value)) throw new TypeMismatchError(subject, type, typeName(value));
  }
}

function isI31(value: unknown): boolean {
  return (
    typeof value === "number" && Number.isInteger(value) && value >= I31_MIN && value <= I31_MAX
  );
}

function checkFunc(subject: string, type: RefType, heap: string, value: unknown): void {
  if (typeof value !== "object" || typeof (value as FuncHandle).ty !== "function") {
    throw new TypeMismatchError(subject, "a Func or null", typeName(value));
  }
  if (heap === "func") return;
  const defined = definedType(heap);
  const own = (value as FuncHandle).ty();
  if (defined?.composite.kind !== "func" || !defined.composite.type.equals(own)) {
    throw new TypeMismatchError(subject, type, `a Func of type ${own}`);
  }
}
