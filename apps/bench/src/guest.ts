import { guestRuntime, runAsGuest, sendMessage } from "@wasmcall/host-runtimes/guest";
import { runGuestPasses } from "./guest/guest-passes.js";
import type { GuestArgs, GuestOutcome } from "./guest/guest-protocol.js";

/**
 * The bench's guest (`dist/guest.js`), run by the host in each runtime through `runGuest`:
 * makes the passes it is given and reports each contestant as it is measured.
 */
await runAsGuest(async (args): Promise<GuestOutcome> => {
  const noAllocation = await runGuestPasses(args as GuestArgs, sendMessage);
  return { description: guestRuntime(), noAllocation };
});
