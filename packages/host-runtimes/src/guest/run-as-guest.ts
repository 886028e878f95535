import { fetchJson, postJson } from "./fetch-file.js";
import { EXPOSE_GC_VARIABLE, environmentVariable, runtimeGlobals } from "./host-url.js";
import { messagesDelivered } from "./send-message.js";

interface BunGlobals {
  Bun?: { gc(force: boolean): void };
  gc?: () => void;
}

/** In Bun, which has no `--expose-gc`, a `globalThis.gc` over `Bun.gc` when the host asks. */
function exposeBunGc(): void {
  const g = globalThis as unknown as BunGlobals;
  const bun = g.Bun;
  if (bun !== undefined && g.gc === undefined && environmentVariable(EXPOSE_GC_VARIABLE) === "1") {
    g.gc = () => bun.gc(true);
  }
}

/** Ends a process runtime (Node, Bun, Deno); does nothing in a browser, which the host closes. */
function endProcess(): void {
  const { Deno, process, document } = runtimeGlobals;
  if (document !== undefined) return;
  if (Deno !== undefined) Deno.exit(0);
  process?.exit?.(0);
}

function describeError(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) {
    return { message: `${error.name}: ${error.message}`, stack: error.stack ?? "" };
  }
  return { message: String(error) };
}

/**
 * The guest's entry point. Fetches the `args` the host passed to `runGuest`, runs `main` on
 * them, sends its value to the host as the result (it must be JSON-serialisable) or, when
 * `main` throws, its error as the failure, then ends the process (in Node, Bun and Deno; a
 * browser is closed by the host).
 *
 * @example
 * ```ts
 * import { runAsGuest, sendMessage } from "@wasmcall/host-runtimes/guest";
 *
 * runAsGuest(async (args) => {
 *   await sendMessage("starting");
 *   return { sum: (args as { a: number; b: number }).a + (args as { a: number; b: number }).b };
 * });
 * ```
 */
export async function runAsGuest(main: (args: unknown) => Promise<unknown>): Promise<void> {
  try {
    exposeBunGc();
    const result = await main(await fetchJson("/__args"));
    await messagesDelivered();
    await postJson("/__result", { result: result ?? null });
  } catch (error) {
    await messagesDelivered();
    await postJson("/__failure", describeError(error));
  }
  endProcess();
}
