import { WasmcallError } from "./wasmcall-error.js";

/** The kinds of item an instance exports. */
export type ExportKind = "func" | "global" | "table" | "memory" | "tag";

/**
 * An instance has no export of the name asked for, or has one of another kind (a memory where
 * a function was asked for).
 *
 * @example
 * ```ts
 * try {
 *   instance.func("main");
 * } catch (e) {
 *   if (e instanceof ExportNotFoundError) console.log(e.message);
 *   // export "main": expected a func, found none (exports: add, memory)
 * }
 * ```
 */
export class ExportNotFoundError extends WasmcallError {
  /** The name asked for. */
  readonly exportName: string;
  /** The kind asked for. */
  readonly expected: ExportKind;
  /** The kind of the export of that name, or `undefined` when there is none. */
  readonly actual: ExportKind | undefined;

  /**
   * `names` lists the instance's exports for the message, which reads
   * `export "<name>": expected a <expected>, found a <actual>` or
   * `export "<name>": expected a <expected>, found none (exports: <names>)`.
   */
  constructor(
    name: string,
    expected: ExportKind,
    actual: ExportKind | undefined,
    names: readonly string[],
  ) {
    const found =
      actual === undefined
        ? `none (exports: ${names.length === 0 ? "none" : names.join(", ")})`
        : `a ${actual}`;
    super(
      "EXPORT_NOT_FOUND",
      `export ${JSON.stringify(name)}: expected a ${expected}, found ${found}`,
    );
    this.name = "ExportNotFoundError";
    this.exportName = name;
    this.expected = expected;
    this.actual = actual;
  }
}
