/** The skip category of a text module that wabt assembles and the runtime compiles. */
export const TEXT_ACCEPTED = "text module accepted by the wabt text parser";

/**
 * The skip category of a text module the suite's converter assembled (the 3.0 suite) and the
 * runtime compiles.
 */
export const ASSEMBLED_TEXT_ACCEPTED = "text module accepted by the wasm-tools text parser";

/**
 * The skip category of a `_custom` module assertion whose module compiles: custom sections
 * and annotations an engine may ignore.
 */
export const CUSTOM_ACCEPTED = "custom section or annotation accepted (allowed)";

/**
 * The skip category of a module the engine refuses for exceeding its implementation limits
 * (a memory or table declared larger than it can ever be), which validation allows, and of a
 * call that traps for one (an array too long to make) before the trap the spec expects.
 */
export const IMPLEMENTATION_LIMIT = "module beyond the engine's implementation limits";

/** The skip category of a command the engine cannot run, for lacking `features`. */
export function engineLacks(features: readonly string[]): string {
  return `engine lacks ${features.join(", ")}`;
}
