import type { RuntimeName } from "../runtime-name.js";

/**
 * A runtime is not installed and could not be installed here. The message says what is missing
 * and how to install it; `cause` holds the failed installer's error, if one ran.
 */
export class RuntimeUnavailableError extends Error {
  /** The runtime that cannot run. */
  readonly runtime: RuntimeName;

  /** The message reads `<runtime> is not available: <reason>`. */
  constructor(runtime: RuntimeName, reason: string, options?: { cause?: unknown }) {
    super(`${runtime} is not available: ${reason}`, options);
    this.name = "RuntimeUnavailableError";
    this.runtime = runtime;
  }
}
