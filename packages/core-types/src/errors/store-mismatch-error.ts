import { WasmcallError } from "./wasmcall-error.js";

/**
 * An object of one store (a function, a funcref value, an import) was used with another store,
 * or a per-engine object (such as a storage made for one engine) with another engine.
 */
export class StoreMismatchError extends WasmcallError {
  /** The message says what was used where. */
  constructor(message: string) {
    super("STORE_MISMATCH", message);
    this.name = "StoreMismatchError";
  }
}
