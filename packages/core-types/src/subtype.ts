import { DEFINED_TYPES } from "./defined-type-name.js";
import {
  type AbstractHeapType,
  isAbstractHeapType,
  isAbstractSubtype,
  isBottom,
  topOf,
} from "./heap-type.js";
import { refParts, type ValType } from "./val-type.js";

/**
 * The abstract heap type closest above heap type `heap`: itself when abstract, else `struct`,
 * `array` or `func` for a concrete type of that kind. Undefined for a name the registry does
 * not know.
 */
export function abstractOf(heap: string): AbstractHeapType | undefined {
  if (isAbstractHeapType(heap)) return heap;
  return DEFINED_TYPES.get(heap)?.composite.kind;
}

/**
 * Tells whether heap type `a` is a subtype of heap type `b` (each abstract, `"any"`, or a
 * concrete type's registry name, `"$struct3"`), by the rules of WebAssembly 3.0: within one
 * hierarchy, the bottom below everything, a concrete type below the abstract type of its kind
 * and below its declared supertypes.
 */
export function isHeapSubtype(a: string, b: string): boolean {
  if (a === b) return true;
  const aAbstract = abstractOf(a);
  const bAbstract = abstractOf(b);
  if (aAbstract === undefined || bAbstract === undefined) return false;
  if (isAbstractHeapType(b)) return isAbstractSubtype(aAbstract, b);
  // b is concrete: only the bottom of its hierarchy and its subtypes are below it.
  if (isAbstractHeapType(a)) return isBottom(a) && topOf(a) === topOf(bAbstract);
  for (
    let t = DEFINED_TYPES.get(a)?.supertype;
    t !== undefined;
    t = DEFINED_TYPES.get(t)?.supertype
  ) {
    if (t === b) return true;
  }
  return false;
}

/**
 * Tells whether a value of type `a` may stand where type `b` is expected: the same number or
 * vector type, or a reference type whose heap type is a subtype of `b`'s (see
 * {@link isHeapSubtype}) and which is nullable only if `b` is.
 *
 * @example
 * ```ts
 * isSubtype("i31ref", "anyref");        // true
 * isSubtype("anyref", "(ref any)");     // false: null is not a (ref any)
 * isSubtype("(ref $struct3)", "structref"); // true
 * ```
 */
export function isSubtype(a: ValType, b: ValType): boolean {
  if (a === b) return true;
  const ra = refParts(a);
  const rb = refParts(b);
  if (ra === undefined || rb === undefined) return false;
  if (ra.nullable && !rb.nullable) return false;
  return isHeapSubtype(ra.heap, rb.heap);
}
