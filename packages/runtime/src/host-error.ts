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

type Fn = (...args: never[]) => unknown;
type Fn4 = (a?: unknown, b?: unknown, c?: unknown, d?: unknown) => unknown;

/**
 * `fn` wrapped so that what it throws is marked with {@link markHostError}: the function the
 * engine calls for a host function of `arity` parameters. Up to four parameters, the wrapper
 * passes them by name (the engine fills missing ones with `undefined`), so the common calls
 * need no rest parameter.
 */
export function guardHost(fn: Fn, arity: number): Fn {
  if (arity > 4) {
    return (...args: never[]) => {
      try {
        return fn(...args);
      } catch (error) {
        markHostError(error);
        throw error;
      }
    };
  }
  const f = fn as Fn4;
  const guarded = (a?: unknown, b?: unknown, c?: unknown, d?: unknown) => {
    try {
      if (arity === 0) return f();
      if (arity === 1) return f(a);
      if (arity === 2) return f(a, b);
      return arity === 3 ? f(a, b, c) : f(a, b, c, d);
    } catch (error) {
      markHostError(error);
      throw error;
    }
  };
  return guarded as Fn;
}
