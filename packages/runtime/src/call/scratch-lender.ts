/**
 * Lends a reusable array to one call at a time: a call takes it, and gives it back when done.
 * A call nested inside (a host function, or a getter or `Proxy` over the arguments, calling
 * wasm again) finds it lent and gets a fresh array, so no call ever writes into an array an
 * outer call is still reading. The `Store` is one lender; a strategy may keep its own.
 */
export interface ScratchLender {
  /** The lender's array if it is free (it is lent until given back), else a fresh one. */
  takeScratch(): unknown[];
  /** Gives back an array from {@link ScratchLender.takeScratch} (emptied of references). */
  returnScratch(scratch: unknown[]): void;
}
