/**
 * The command-list format `wast2json` writes (one `NAME.json` per `.wast` file), as far as the
 * runner reads it. See the suite's README for the meaning of each command.
 */

/**
 * A value as wast2json writes it: `value` holds the raw bits as an unsigned decimal string
 * (`"nan:canonical"` / `"nan:arithmetic"` for expected floats, `"null"` or a host reference id
 * for references); a v128 has a `lane_type` and one string per lane. An expected value without
 * `value` (a funcref) stands for any non-null reference.
 */
export interface SpecValue {
  readonly type: string;
  readonly value?: string | readonly string[];
  readonly lane_type?: string;
}

/** Calls an export of a module: the current one, or the one named `module`. */
export interface InvokeAction {
  readonly type: "invoke";
  readonly module?: string;
  readonly field: string;
  readonly args: readonly SpecValue[];
}

/** Reads an exported global of a module: the current one, or the one named `module`. */
export interface GetAction {
  readonly type: "get";
  readonly module?: string;
  readonly field: string;
}

/** What an `action` or assertion runs. */
export type SpecAction = InvokeAction | GetAction;

/** Whether a module file holds the binary format or the text format (a `.wat` file). */
export type ModuleType = "binary" | "text";

/** One command of a script, with every field any command kind may carry. */
export interface SpecCommand {
  /** The command kind: `module`, `register`, `action`, `assert_return`, ... */
  readonly type: string;
  /** The command's line in the `.wast` source. */
  readonly line: number;
  /** The module file (for module commands and module assertions). */
  readonly filename?: string;
  /** The module's `$name` (module), or the named module to register (register). */
  readonly name?: string;
  /** The module name a `register` makes the instance importable under. */
  readonly as?: string;
  /** The action an `action` or action assertion runs. */
  readonly action?: SpecAction;
  /** The results `assert_return` expects (only the types, for other assertions). */
  readonly expected?: readonly SpecValue[];
  /** The expected trap or error message. */
  readonly text?: string;
  /** The module file's format; binary when absent. */
  readonly module_type?: ModuleType;
}

/** A whole converted script: `NAME.json`. */
export interface SpecScript {
  readonly source_filename: string;
  readonly commands: readonly SpecCommand[];
}
