import { WasmException } from "./wasm-exception.js";

/** The `WebAssembly.RuntimeError`s that host functions threw (not traps of wasm code). */
const hostErrors = new WeakSet<object>();

/**
 * What a host function throws for `error`, caught leaving it: a {@link WasmException} (a wasm
 * exception that a call inside the host function let out) as the engine's exception again, so
 * that wasm further out can catch it; anything else unchanged, a `WebAssembly.RuntimeError`
 * remembered as the host function's own exception, to reach the caller unchanged instead of
 * being taken for a trap of the wasm code.
 */
export function markHostError(error: unknown): unknown {
  if (error instanceof WasmException) return error.exception;
  if (error instanceof WebAssembly.RuntimeError) hostErrors.add(error);
  return error;
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
        throw markHostError(error);
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
      throw markHostError(error);
    }
  };
  return guarded as Fn;
}
