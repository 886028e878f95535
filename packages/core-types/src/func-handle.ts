import type { FuncType } from "./func-type.js";

/**
 * What a `funcref` value refers to: a function that belongs to a store. The runtime's `Func`
 * implements it; core-types only needs its type and its store.
 */
export interface FuncHandle {
  /** The function's signature. */
  ty(): FuncType;
  /** The store the function belongs to; a function may only be used with its own store. */
  readonly store: object;
}
