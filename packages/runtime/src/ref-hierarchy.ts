import { abstractOf, refParts, topOf, type ValType } from "@wasmcall/core-types";

/**
 * The hierarchy a reference type belongs to, named after its top: `func` (function
 * references), `extern` (host references), `any` (GC objects, i31s and internalised host
 * references) or `exn` (exceptions).
 */
export type RefHierarchy = "func" | "extern" | "any" | "exn";

const HIERARCHY = new Map<ValType, RefHierarchy | undefined>();

/** The hierarchy of value type `type` (see {@link RefHierarchy}); undefined for a number or v128. */
export function refHierarchy(type: ValType): RefHierarchy | undefined {
  if (HIERARCHY.has(type)) return HIERARCHY.get(type);
  const parts = refParts(type);
  const abstract = parts === undefined ? undefined : abstractOf(parts.heap);
  const top = abstract === undefined ? undefined : (topOf(abstract) as RefHierarchy);
  HIERARCHY.set(type, top);
  return top;
}
