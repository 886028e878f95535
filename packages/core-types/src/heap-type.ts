/**
 * The abstract heap types of WebAssembly 3.0: the tops of the four hierarchies (`func`,
 * `extern`, `any`, `exn`), the types between (`eq`, `i31`, `struct`, `array`) and the bottoms
 * (`nofunc`, `noextern`, `none`, `noexn`), whose only value is null.
 */
export type AbstractHeapType =
  | "func"
  | "nofunc"
  | "extern"
  | "noextern"
  | "any"
  | "eq"
  | "i31"
  | "struct"
  | "array"
  | "none"
  | "exn"
  | "noexn";

/** The top of each abstract heap type's hierarchy. */
const TOP: Readonly<Record<AbstractHeapType, AbstractHeapType>> = Object.freeze({
  func: "func",
  nofunc: "func",
  extern: "extern",
  noextern: "extern",
  any: "any",
  eq: "any",
  i31: "any",
  struct: "any",
  array: "any",
  none: "any",
  exn: "exn",
  noexn: "exn",
});

/** Every abstract heap type. */
export const ABSTRACT_HEAP_TYPES: readonly AbstractHeapType[] = Object.freeze(
  Object.keys(TOP) as AbstractHeapType[],
);

/** Tells whether `value` is an abstract heap type's name (`"any"`, `"func"`, ...). */
export function isAbstractHeapType(value: unknown): value is AbstractHeapType {
  return typeof value === "string" && Object.hasOwn(TOP, value);
}

/** The top of the hierarchy abstract heap type `heap` belongs to (`any` for `i31`). */
export function topOf(heap: AbstractHeapType): AbstractHeapType {
  return TOP[heap];
}

/** The abstract heap types each one is a direct subtype of (the bottoms are handled apart). */
const PARENT: Readonly<Partial<Record<AbstractHeapType, AbstractHeapType>>> = Object.freeze({
  eq: "any",
  i31: "eq",
  struct: "eq",
  array: "eq",
});

/** The bottom of each hierarchy: a subtype of every heap type of its hierarchy. */
const BOTTOM: ReadonlySet<AbstractHeapType> = new Set(["nofunc", "noextern", "none", "noexn"]);

/** Tells whether abstract heap type `a` is a subtype of abstract heap type `b`. */
export function isAbstractSubtype(a: AbstractHeapType, b: AbstractHeapType): boolean {
  if (TOP[a] !== TOP[b]) return false;
  if (BOTTOM.has(a)) return true;
  for (let t: AbstractHeapType | undefined = a; t !== undefined; t = PARENT[t]) {
    if (t === b) return true;
  }
  return false;
}

/** Tells whether `heap` is the bottom of its hierarchy (`none`, `nofunc`, `noextern`, `noexn`). */
export function isBottom(heap: AbstractHeapType): boolean {
  return BOTTOM.has(heap);
}
