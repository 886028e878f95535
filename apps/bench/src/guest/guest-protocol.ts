import type { PassMessage, PassRequest } from "../pass.js";

/** What the host hands the bench's guest (`dist/guest.js`). */
export interface GuestArgs {
  /** The passes to make, one after the other. */
  readonly passes: readonly PassRequest[];
  /**
   * The URL of the pass worker (`dist/web/pass-worker.js` as the host serves it): each pass
   * then runs in a fresh worker, as a browser cannot start a fresh process. `null`: every
   * pass in the guest itself (a process runtime, started afresh by the host for each pass).
   */
  readonly workerUrl: string | null;
}

/**
 * What the guest sends the host as each contestant is done (`index`: the pass's position in
 * {@link GuestArgs.passes}), or when a pass failed as a whole in its worker.
 */
export type GuestMessage =
  | { readonly index: number; readonly message: PassMessage }
  | { readonly index: number; readonly error: string };

/** The guest's result. */
export interface GuestOutcome {
  /** How the runtime describes itself (see `guestRuntime`). */
  readonly description: string;
  /** Why bytes per call cannot be measured in this runtime, or `null` when they were. */
  readonly noAllocation: string | null;
}
