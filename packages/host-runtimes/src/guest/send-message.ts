import { postJson } from "./fetch-file.js";

let delivered: Promise<unknown> = Promise.resolve();

/**
 * Sends a progress message (any JSON value) to the host, where it reaches `runGuest`'s
 * `onMessage` as it arrives. Messages arrive in the order they were sent, and all of them
 * before the guest's result. Awaiting the promise is optional.
 *
 * @throws {Error} (the promise rejects) when the host refuses the message.
 * @example
 * ```ts
 * void sendMessage({ done: 10, of: 124 });
 * ```
 */
export function sendMessage(message: unknown): Promise<void> {
  const sent = delivered.then(() => postJson("/__message", { message }));
  delivered = sent.catch(() => undefined);
  return sent;
}

/** Resolves when every message sent so far has been delivered (or refused). */
export function messagesDelivered(): Promise<unknown> {
  return delivered;
}
