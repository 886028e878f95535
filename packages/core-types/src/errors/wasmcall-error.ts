/** The stable, machine-readable code of every {@link WasmcallError}. */
export type ErrorCode =
  | "TYPE_MISMATCH"
  | "ARITY_MISMATCH"
  | "VALUE_RANGE"
  | "STORE_MISMATCH"
  | "TRAP"
  | "LINK"
  | "COMPILE"
  | "EXPORT_NOT_FOUND"
  | "UNSUPPORTED_FEATURE"
  | "WASM_EXCEPTION";

/**
 * The base class of every error wasmcall throws on purpose. Catch it to handle them all; switch
 * on {@link WasmcallError.code}, which never changes between releases, rather than on messages.
 *
 * @example
 * ```ts
 * try {
 *   caller.call(params, results);
 * } catch (e) {
 *   if (e instanceof WasmcallError && e.code === "TRAP") console.log("trapped:", e.message);
 *   else throw e;
 * }
 * ```
 */
export class WasmcallError extends Error {
  /** What kind of error this is. */
  readonly code: ErrorCode;

  /** Makes an error with `code` and `message`; `options.cause` keeps the error it stems from. */
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = "WasmcallError";
  }
}
