/**
 * Where the runner reads the suite from: a folder on disk ({@link fileSource}, the command
 * line) or a host over HTTP ({@link fetchSource}, the guest in any runtime). Paths are
 * relative to the suite and use `/`: `i32/i32.json`, `i32/i32.0.wasm`.
 */
export interface SuiteSource {
  /** The suite's folder or URL, for messages. */
  readonly location: string;
  /**
   * The path of every file of the suite, in every subfolder.
   *
   * @throws {Error} (as a rejection) when the suite cannot be listed.
   */
  files(): Promise<readonly string[]>;
  /**
   * The bytes of the file at `path`.
   *
   * @throws {Error} (as a rejection) when it cannot be read.
   */
  readBytes(path: string): Promise<Uint8Array>;
  /**
   * The file at `path`, parsed as JSON.
   *
   * @throws {Error} (as a rejection) when it cannot be read or is not JSON.
   */
  readJson(path: string): Promise<unknown>;
}
