import { WasmcallError } from "./wasmcall-error.js";

/**
 * Instantiation failed because an import is missing or does not match what the module expects.
 * `module` and `field` name the import.
 */
export class LinkError extends WasmcallError {
  /** The import's module name. */
  readonly module: string;
  /** The import's field name. */
  readonly field: string;

  /** The message reads `import "<module>" "<field>": <reason>`. */
  constructor(module: string, field: string, reason: string, options?: { cause?: unknown }) {
    super("LINK", `import "${module}" "${field}": ${reason}`, options);
    this.name = "LinkError";
    this.module = module;
    this.field = field;
  }
}
