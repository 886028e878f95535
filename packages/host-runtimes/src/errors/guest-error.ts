import type { RuntimeName } from "../runtime-name.js";

/** Why a guest run failed. */
export type GuestFailureKind =
  | "threw" // the guest's main threw; its error reached the host
  | "page-error" // a browser page reported an uncaught error
  | "crashed" // the process or the browser ended before a result
  | "stalled" // no progress (request, message, output line) for the time allowed
  | "timeout"; // no result within the time allowed

/**
 * A guest run did not produce a result: the guest threw, a page error was reported, the
 * runtime crashed or exited early, the guest stopped making progress, or time ran out. `logs` holds what the guest printed.
 *
 * @example
 * ```ts
 * try {
 *   await runGuest("bun", { script });
 * } catch (e) {
 *   if (e instanceof GuestError) console.error(e.kind, e.message, e.logs.join("\n"));
 * }
 * ```
 */
export class GuestError extends Error {
  /** The runtime the guest ran in. */
  readonly runtime: RuntimeName;
  /** What went wrong. */
  readonly kind: GuestFailureKind;
  /** The guest's output (console, stdout and stderr lines) up to the failure. */
  readonly logs: readonly string[];
  /** The stack of the guest's error, when it threw one. */
  readonly guestStack: string | undefined;

  /** The message reads `<runtime>: <message>`. */
  constructor(
    runtime: RuntimeName,
    kind: GuestFailureKind,
    message: string,
    details: { logs?: readonly string[]; guestStack?: string; cause?: unknown } = {},
  ) {
    super(`${runtime}: ${message}`, { cause: details.cause });
    this.name = "GuestError";
    this.runtime = runtime;
    this.kind = kind;
    this.logs = details.logs ?? [];
    this.guestStack = details.guestStack;
  }
}
