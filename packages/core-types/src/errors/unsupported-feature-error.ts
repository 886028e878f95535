import { WasmcallError } from "./wasmcall-error.js";

/**
 * The JavaScript engine lacks a WebAssembly feature something needs: exception tags, 64-bit
 * memories, ... The message names the feature and what needed it; `feature` names it alone.
 *
 * @example
 * ```ts
 * try {
 *   Tag.create(store, new FuncType(["i32"], []));
 * } catch (e) {
 *   if (e instanceof UnsupportedFeatureError) console.log(e.feature); // "exception handling"
 * }
 * ```
 */
export class UnsupportedFeatureError extends WasmcallError {
  /** The feature the engine lacks, as the WebAssembly specification names it. */
  readonly feature: string;

  /** `subject` says what needed `feature`; `detail`, if given, adds what the engine said. */
  constructor(subject: string, feature: string, detail?: string, options?: { cause?: unknown }) {
    super(
      "UNSUPPORTED_FEATURE",
      `${subject}: the JavaScript engine lacks ${feature}${detail === undefined ? "" : ` (${detail})`}`,
      options,
    );
    this.name = "UnsupportedFeatureError";
    this.feature = feature;
  }
}
