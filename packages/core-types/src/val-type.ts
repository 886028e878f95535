import { isConcreteHeapName } from "./defined-type-name.js";
import { type AbstractHeapType, isAbstractHeapType } from "./heap-type.js";

/** The number types. */
export type NumType = "i32" | "i64" | "f32" | "f64";

/**
 * A reference type written the short way the text format allows (`(ref null func)` is
 * `funcref`, `(ref null none)` is `nullref`, ...): the form every nullable abstract reference
 * type takes as a {@link ValType}.
 */
export type RefShorthand =
  | "funcref"
  | "externref"
  | "anyref"
  | "eqref"
  | "i31ref"
  | "structref"
  | "arrayref"
  | "exnref"
  | "nullref"
  | "nullfuncref"
  | "nullexternref"
  | "nullexnref";

/**
 * A reference type, as the WebAssembly text format writes it: a {@link RefShorthand} for a
 * nullable abstract type, `(ref any)` for a non-nullable one, and `(ref null $struct3)` or
 * `(ref $struct3)` for one of a concrete (defined) type, named by the type registry (see
 * `registerRecGroup`). Each type has exactly one such string, so types compare with `===`.
 */
export type RefType =
  | RefShorthand
  | `(ref ${AbstractHeapType})`
  | `(ref null $${string})`
  | `(ref $${string})`;

/**
 * The type of a WebAssembly value: the four number types, the 128-bit vector type and the
 * reference types of WebAssembly 3.0 (see {@link RefType}), each as its one canonical string.
 *
 * @example
 * ```ts
 * const t: ValType = "i64";
 * isValType("i64"); // true
 * isValType("anyref"); // true
 * isValType("(ref null any)"); // false: the canonical form is "anyref" (see refType)
 * ```
 */
export type ValType = NumType | "v128" | RefType;

/** The value types of WebAssembly 2.0, in the order of their binary encodings (i32 first). */
export const VAL_TYPES: readonly ValType[] = Object.freeze([
  "i32",
  "i64",
  "f32",
  "f64",
  "v128",
  "funcref",
  "externref",
]);

/** Each nullable abstract heap type's shorthand reference type. */
const SHORTHAND: Readonly<Record<AbstractHeapType, RefShorthand>> = Object.freeze({
  func: "funcref",
  nofunc: "nullfuncref",
  extern: "externref",
  noextern: "nullexternref",
  any: "anyref",
  eq: "eqref",
  i31: "i31ref",
  struct: "structref",
  array: "arrayref",
  none: "nullref",
  exn: "exnref",
  noexn: "nullexnref",
});

/** The heap type of each shorthand. */
const HEAP_OF_SHORTHAND: ReadonlyMap<string, AbstractHeapType> = new Map(
  Object.entries(SHORTHAND).map(([heap, short]) => [short, heap as AbstractHeapType]),
);

/**
 * The reference type to `heap` (an abstract heap type such as `"any"`, or a concrete type's
 * registry name such as `"$struct3"`), nullable or not, in its canonical form.
 *
 * @example
 * ```ts
 * refType("any", true);        // "anyref"
 * refType("any", false);       // "(ref any)"
 * refType("$struct3", true);   // "(ref null $struct3)"
 * ```
 */
export function refType(heap: string, nullable: boolean): RefType {
  if (isAbstractHeapType(heap)) return nullable ? SHORTHAND[heap] : `(ref ${heap})`;
  return (nullable ? `(ref null ${heap})` : `(ref ${heap})`) as RefType;
}

/**
 * The parts of reference type `type`: its heap type (abstract, or a concrete type's registry
 * name) and whether it admits null; undefined when `type` is not a reference type in canonical
 * form.
 */
export function refParts(type: string): { heap: string; nullable: boolean } | undefined {
  const short = HEAP_OF_SHORTHAND.get(type);
  if (short !== undefined) return { heap: short, nullable: true };
  if (!type.startsWith("(ref ") || !type.endsWith(")")) return undefined;
  const inner = type.slice(5, -1);
  const nullable = inner.startsWith("null ");
  const heap = nullable ? inner.slice(5) : inner;
  if (isAbstractHeapType(heap)) return nullable ? undefined : { heap, nullable };
  return isConcreteHeapName(heap) ? { heap, nullable } : undefined;
}

/** Tells whether `value` names a {@link ValType} in its canonical form. */
export function isValType(value: unknown): value is ValType {
  if (typeof value !== "string") return false;
  switch (value) {
    case "i32":
    case "i64":
    case "f32":
    case "f64":
    case "v128":
      return true;
    default:
      return refParts(value) !== undefined;
  }
}

/** Tells whether `type` is a reference type (anything but a number or v128). */
export function isRefType(type: ValType): type is RefType {
  switch (type) {
    case "i32":
    case "i64":
    case "f32":
    case "f64":
    case "v128":
      return false;
    default:
      return true;
  }
}
