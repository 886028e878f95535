import type { PassMessage } from "../pass.js";

/**
 * What the pass worker (`dist/web/pass-worker.js`) posts back for the `PassRequest` it was
 * sent: a message per contestant, then `done` (with why allocation was not measured, or
 * `null`) or `error`.
 */
export type WorkerReply =
  | { readonly kind: "message"; readonly message: PassMessage }
  | { readonly kind: "done"; readonly noAllocation: string | null }
  | { readonly kind: "error"; readonly error: string };
