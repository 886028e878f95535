import { mkdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The lock folder: one per machine, since the browsers are installed machine-wide. */
const LOCK = join(tmpdir(), "wasmcall-runtime-install.lock");
/** A lock older than this is left over from a process that died while installing. */
const STALE_MS = 15 * 60_000;
/** How long to wait for another process's install before giving up. */
const WAIT_MS = 20 * 60_000;
const POLL_MS = 250;

function isErrorCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}

async function acquire(): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await mkdir(LOCK);
      return;
    } catch (error) {
      if (!isErrorCode(error, "EEXIST")) throw error;
    }
    const since = await stat(LOCK).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (since > STALE_MS) await rm(LOCK, { recursive: true, force: true });
    else if (Date.now() > deadline) {
      throw new Error(`another process has been installing runtimes for too long (${LOCK})`);
    } else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Runs `task` while holding the machine-wide runtime install lock, so that processes started
 * together (test files run in parallel, say) never run `npm ci` or apt-get over each other:
 * a second process waits for the first, then finds the runtime installed.
 *
 * @throws {Error} (as a rejection) when another process holds the lock for over 20 minutes,
 * or what `task` throws.
 */
export async function withInstallLock<T>(task: () => Promise<T>): Promise<T> {
  await acquire();
  try {
    return await task();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}
