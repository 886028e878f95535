import { WasmcallError } from "./wasmcall-error.js";

/**
 * The bytes given are not a valid WebAssembly module: malformed (they do not decode) or invalid
 * (they decode but do not validate), or they use a WebAssembly feature the engine's features
 * switch off; or a response given to compile holds no module (a status that is not ok, a body
 * that fails). `cause` holds the engine's own error, or the response's, where there is one.
 */
export class CompileError extends WasmcallError {
  /** The message says what is wrong, as the decoder or the engine reported it. */
  constructor(message: string, options?: { cause?: unknown }) {
    super("COMPILE", message, options);
    this.name = "CompileError";
  }
}
