/**
 * The command-list format `wast2json` writes (one `NAME.json` per `.wast` file), as far as the
 * runner reads it. See the suite's README for the meaning of each command.
 */

/**
 * A value as wast2json writes it: `value` holds the raw bits as an unsigned decimal string
 * (`"nan:canonical"` / `"nan:arithmetic"` for expected floats, `"null"` or a host reference id
 * for references); a v128 has a `lane_type` and one string per lane. An expected value without
 * `value` (a funcref) stands for any non-null reference.
 *
 * The 3.0 suite's converter (`convert/`) writes its reference values the same way, with every
 * reference type of WebAssembly 3.0: `{ type: "anyref", value: "null" }` is `(ref.null any)`
 * (each abstract heap type by its shorthand: `nullfuncref`, `eqref`, `exnref`, ...),
 * `{ type: "anyref", value: "1" }` the host reference 1 as an anyref (`ref.host 1`),
 * `{ type: "structref" }` any non-null struct reference (`ref.struct`); a null of a defined
 * type, or any null (`(ref.null)`), is `{ type: "refnull", heap?: "$t" }`, and
 * `{ type: "either", values: [...] }` matches any one of `values`.
 */
export interface SpecValue {
  readonly type: string;
  readonly value?: string | readonly string[];
  readonly lane_type?: string;
  /** The heap type of a `refnull` as the script writes it (`$t`, `0`); any null without. */
  readonly heap?: string;
  /** The alternatives of an `either`. */
  readonly values?: readonly SpecValue[];
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

/**
 * What a module file holds: the binary format, the text format (a `.wat` file, assembled by
 * the runner), or a text module the suite's converter assembled already (a binary file, counted
 * as text).
 */
export type ModuleType = "binary" | "text" | "assembled";

/** One command of a script, with every field any command kind may carry. */
export interface SpecCommand {
  /**
   * The command kind: `module`, `register`, `action`, `assert_return`, ...; from the 3.0
   * suite's converter also `module_definition` (compiled, not instantiated),
   * `module_instance`, `assert_exception` and the `_custom` module assertions, and
   * `script_error` for a script its parser refused (`text` says why; a failure of the run).
   */
  readonly type: string;
  /** The command's line in the `.wast` source. */
  readonly line: number;
  /** The module file (for module commands and module assertions). */
  readonly filename?: string;
  /**
   * The module's `$name` (module, module definition), the instance's (module instance), or
   * the named module to register (register).
   */
  readonly name?: string;
  /** The definition a `module_instance` instantiates; the latest one when absent. */
  readonly definition?: string;
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
  /**
   * Why the converter's text assembler refused the module's text (then there is no file):
   * the module is malformed text.
   */
  readonly text_error?: string;
}

/** A whole converted script: `NAME.json`. */
export interface SpecScript {
  readonly source_filename: string;
  readonly commands: readonly SpecCommand[];
}

/** The WebAssembly version of a suite. */
export type SuiteVersion = "2.0" | "3.0";

/**
 * `suite.json` at the top of a suite folder the 3.0 converter wrote: the WebAssembly version
 * of the suite (a folder without it is wast2json's 2.0 suite) and the text assembler.
 */
export interface SuiteInfo {
  readonly version: SuiteVersion;
  /** The text assemblers the converter used. */
  readonly assembler: string;
}
