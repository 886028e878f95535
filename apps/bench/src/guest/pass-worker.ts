import { runtimeHooks } from "../measure/runtime-hooks.js";
import { type PassRequest, runPass } from "../pass.js";
import type { WorkerReply } from "./worker-protocol.js";

/** The worker's global scope, as far as this script uses it. */
interface WorkerScope {
  addEventListener(type: "message", listener: (event: MessageEvent<PassRequest>) => void): void;
  postMessage(reply: WorkerReply): void;
}

const scope = globalThis as unknown as WorkerScope;

/**
 * The pass worker's entry (`dist/web/pass-worker.js`, a classic worker script): makes the one
 * pass it is sent, posting a message per contestant, then `done` or `error`.
 */
scope.addEventListener("message", async (event) => {
  const hooks = runtimeHooks();
  try {
    await runPass(event.data, hooks, (message) => scope.postMessage({ kind: "message", message }));
    scope.postMessage({ kind: "done", noAllocation: hooks.noAllocation ?? null });
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    scope.postMessage({ kind: "error", error: text });
  }
});
