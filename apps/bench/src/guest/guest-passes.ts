import { runtimeHooks } from "../measure/runtime-hooks.js";
import { type PassMessage, runPass } from "../pass.js";
import type { GuestArgs, GuestMessage } from "./guest-protocol.js";
import { passInWorker } from "./pass-in-worker.js";

/**
 * Makes the passes of `args`, one after the other, sending the host a {@link GuestMessage}
 * per contestant: in this process, or each in a fresh worker when `args.workerUrl` is set. A
 * pass that fails in a worker is reported (`error`) and the next one runs. Aborting `signal`
 * ends the current worker and stops before the next pass.
 *
 * @returns why bytes per call could not be measured here, or `null` when they were.
 * @throws whatever a pass throws in this process (the host then sees the guest fail).
 */
export async function runGuestPasses(
  args: GuestArgs,
  send: (message: GuestMessage) => Promise<void>,
  signal?: AbortSignal,
): Promise<string | null> {
  const { workerUrl } = args;
  if (workerUrl === null) {
    const hooks = runtimeHooks();
    for (const [index, request] of args.passes.entries()) {
      await runPass(request, hooks, (message) => send({ index, message }));
    }
    return hooks.noAllocation ?? null;
  }
  let noAllocation: string | null = null;
  for (const [index, request] of args.passes.entries()) {
    if (signal?.aborted) break;
    try {
      const receive = (message: PassMessage) => void send({ index, message });
      noAllocation = await passInWorker(workerUrl, request, receive, signal);
    } catch (error) {
      if (signal?.aborted) break;
      await send({ index, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return noAllocation;
}
