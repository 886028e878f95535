import { type FuncType, isSubtype, type ValType } from "@wasmcall/core-types";
import type { ExternType, Limits } from "./extern-type.js";

/**
 * Tells whether an item of type `actual` may satisfy an import of type `expected`, by the
 * matching rules of WebAssembly 3.0: a function whose type is a subtype of the import's
 * (parameters contravariant, results covariant: the engine checks declared subtyping when it
 * instantiates), an immutable global whose type is a subtype of the import's, a mutable one of
 * the same type, tables of the same element type and memories whose limits fit (at least the
 * minimum; a maximum where one is required, no larger than required; the same address type),
 * and tags of equal types.
 */
export function importMatches(expected: ExternType, actual: ExternType): boolean {
  switch (expected.kind) {
    case "func":
      return actual.kind === "func" && funcSubtype(actual.type, expected.type);
    case "global":
      return (
        actual.kind === "global" &&
        actual.type.mutable === expected.type.mutable &&
        (expected.type.mutable
          ? sameType(actual.type.content, expected.type.content)
          : isSubtype(actual.type.content, expected.type.content))
      );
    case "table":
      return (
        actual.kind === "table" &&
        sameType(actual.type.element, expected.type.element) &&
        limitsMatch(expected.type, actual.type)
      );
    case "memory":
      return (
        actual.kind === "memory" &&
        actual.type.shared === expected.type.shared &&
        limitsMatch(expected.type, actual.type)
      );
    case "tag":
      return actual.kind === "tag" && actual.type.type.equals(expected.type.type);
  }
}

/** Whether `a` and `b` are the same type: each a subtype of the other. */
function sameType(a: ValType, b: ValType): boolean {
  return a === b || (isSubtype(a, b) && isSubtype(b, a));
}

/** Whether a function of type `a` may stand where one of type `b` is expected. */
function funcSubtype(a: FuncType, b: FuncType): boolean {
  if (a.equals(b)) return true;
  return (
    a.params.length === b.params.length &&
    a.results.length === b.results.length &&
    a.params.every((t, i) => isSubtype(b.params[i] as ValType, t)) &&
    a.results.every((t, i) => isSubtype(t, b.results[i] as ValType))
  );
}

function limitsMatch(expected: Limits, actual: Limits): boolean {
  if ((actual.address ?? "i32") !== (expected.address ?? "i32")) return false;
  if (actual.min < expected.min) return false;
  if (expected.max === undefined) return true;
  return actual.max !== undefined && actual.max <= expected.max;
}
