import type { ExternType, Limits } from "./extern-type.js";

/**
 * Tells whether an item of type `actual` may satisfy an import of type `expected`, by the
 * WebAssembly 2.0 matching rules: functions and globals of equal types, tables of the same
 * element type and memories whose limits fit (at least the minimum; a maximum where one is
 * required, no larger than required; the same address type), and tags of equal types.
 */
export function importMatches(expected: ExternType, actual: ExternType): boolean {
  switch (expected.kind) {
    case "func":
      return actual.kind === "func" && actual.type.equals(expected.type);
    case "global":
      return (
        actual.kind === "global" &&
        actual.type.content === expected.type.content &&
        actual.type.mutable === expected.type.mutable
      );
    case "table":
      return (
        actual.kind === "table" &&
        actual.type.element === expected.type.element &&
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

function limitsMatch(expected: Limits, actual: Limits): boolean {
  if ((actual.address ?? "i32") !== (expected.address ?? "i32")) return false;
  if (actual.min < expected.min) return false;
  if (expected.max === undefined) return true;
  return actual.max !== undefined && actual.max <= expected.max;
}
