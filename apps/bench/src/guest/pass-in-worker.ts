import type { PassMessage, PassRequest } from "../pass.js";
import type { WorkerReply } from "./worker-protocol.js";

/**
 * Makes the pass `request` in a fresh worker started from the script at `url` (the pass
 * worker bundle): a fresh engine context with code and type feedback of its own, as a fresh
 * process gives elsewhere. `receive` gets each contestant's message as it arrives. The worker
 * is always ended; aborting `signal` ends it at once (the promise then rejects).
 *
 * @returns why bytes per call could not be measured in the worker, or `null`.
 * @throws {Error} with the worker's error when the pass fails or the script cannot be loaded.
 */
export function passInWorker(
  url: string,
  request: PassRequest,
  receive: (message: PassMessage) => void,
  signal?: AbortSignal,
): Promise<string | null> {
  const worker = new Worker(url);
  return new Promise<string | null>((resolve, reject) => {
    signal?.addEventListener("abort", () => reject(new Error("stopped")), { once: true });
    worker.addEventListener("message", (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.kind === "message") receive(reply.message);
      else if (reply.kind === "done") resolve(reply.noAllocation);
      else reject(new Error(reply.error));
    });
    worker.addEventListener("error", (event: ErrorEvent) => {
      event.preventDefault();
      reject(new Error(`the pass worker ${url} failed: ${event.message || "it could not load"}`));
    });
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
