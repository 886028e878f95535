import { UnsupportedFeatureError } from "@wasmcall/core-types";
import { failed, formatError, type Outcome, skipped } from "./outcome.js";
import { engineLacks } from "./skip-category.js";

/** A command needs a module that was skipped, for `reason`: it is skipped for it too. */
export class ModuleSkipped extends Error {
  /** The module's skip category. */
  readonly reason: string;

  constructor(reason: string) {
    super(`the module was skipped: ${reason}`);
    this.name = "ModuleSkipped";
    this.reason = reason;
  }
}

/**
 * The outcome of a command that threw `error` where `expected` should have happened: a skip
 * when the engine lacks a feature the command needs (an `UnsupportedFeatureError`: an
 * exception reference passed to or from JavaScript, say) or the module it uses was skipped,
 * else a failure.
 */
export function failedWith(expected: string, error: unknown): Outcome {
  if (error instanceof ModuleSkipped) return skipped(error.reason);
  if (error instanceof UnsupportedFeatureError) return skipped(engineLacks([error.feature]));
  return failed(expected, formatError(error));
}
