/** The `WebAssembly.RuntimeError`s that host functions threw (not traps of wasm code). */
const hostErrors = new WeakSet<object>();

/**
 * Remembers `error`, caught leaving a host function, as that host function's own exception: a
 * `WebAssembly.RuntimeError` a host function throws must reach the caller unchanged instead
 * of being taken for a trap of the wasm code.
 */
export function markHostError(error: unknown): void {
  if (error instanceof WebAssembly.RuntimeError) hostErrors.add(error);
}

/** Tells whether `error` was thrown by a host function (see {@link markHostError}). */
export function isHostError(error: object): boolean {
  return hostErrors.has(error);
}
