/**
 * The spec testsuite folder the runner was pointed at does not exist (or is no folder). The
 * message names the folder, how to pass another one and where the suite comes from.
 */
export class SuiteNotFoundError extends Error {
  /** The folder looked at. */
  readonly dir: string;

  /** `dir` is the folder looked at. */
  constructor(dir: string) {
    super(
      [
        `no spec testsuite at ${dir} (the folder does not exist).`,
        "Pass another folder with --dir DIR or the environment variable WASM_SPEC_DIR=DIR",
        "(default: ../shared/wasm-spec-2.0 beside the repository).",
        "The suite is the WebAssembly testsuite, https://github.com/WebAssembly/testsuite",
        "(WebAssembly 2.0: commit 26d62d0), converted with wabt's wast2json: one folder per",
        "script, NAME/NAME.json and the NAME.N.wasm modules it names (see the README).",
      ].join("\n"),
    );
    this.name = "SuiteNotFoundError";
    this.dir = dir;
  }
}
