import { spawn } from "node:child_process";
import type { RuntimeName } from "../runtime-name.js";
import type { GuestSession } from "./guest-session.js";
import { collectLines } from "./line-collector.js";
import { processCommand } from "./process-command.js";

/** How long a guest process may take to end after it reported, before it is killed. */
const EXIT_GRACE_MS = 5_000;

/**
 * Runs the guest `script` as a process of runtime `name` against `session` and waits for its
 * outcome; the process is killed if it is still running at the end.
 *
 * @throws {GuestError} when the guest fails, the process ends without a result, or time runs out.
 */
export async function runProcessGuest(
  name: Exclude<RuntimeName, "chromium" | "firefox">,
  executable: string,
  script: string,
  session: GuestSession,
  exposeGc: boolean,
): Promise<unknown> {
  const { command, args, env } = processCommand(name, executable, script, session.url, exposeGc);
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  session.started("the process's start");
  collectLines(child.stdout, session.log, "");
  collectLines(child.stderr, session.log, "stderr: ");
  const closed = new Promise<void>((resolve) => {
    child.once("error", (error) => {
      session.fail("crashed", `${command} could not be started: ${error.message}`, {
        cause: error,
      });
      resolve();
    });
    child.once("close", (code, signal) => {
      const how = signal === null ? `with code ${code}` : `on signal ${signal}`;
      const tail = session.logs.slice(-20).join("\n");
      session.fail("crashed", `the process exited ${how} before reporting a result\n${tail}`);
      resolve();
    });
  });
  let reported = false;
  try {
    const result = await session.outcome;
    reported = true;
    return result;
  } finally {
    const kill = setTimeout(() => child.kill("SIGKILL"), reported ? EXIT_GRACE_MS : 0);
    await closed;
    clearTimeout(kill);
  }
}
