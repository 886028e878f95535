import type { DefinedType } from "./defined-type.js";

/** Every type registered so far (see `registerRecGroup`), by its name. */
export const DEFINED_TYPES: Map<string, DefinedType> = new Map();

/** Tells whether `name` is the name of a registered defined type (`$struct3`). */
export function isConcreteHeapName(name: string): boolean {
  return DEFINED_TYPES.has(name);
}
