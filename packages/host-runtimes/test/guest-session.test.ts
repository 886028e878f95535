import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startGuestSession } from "../src/runners/guest-session.js";

describe("startGuestSession", () => {
  let dir: string;
  let script: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "host-runtimes-session-"));
    script = join(dir, "guest.js");
    writeFileSync(script, "");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("does not count the runtime's start-up (a slow browser launch) as a stall", async () => {
    const session = await startGuestSession("chromium", { script, stallMs: 5_000 });
    try {
      vi.advanceTimersByTime(20_000);
      expect(session.settled()).toBe(false);
      session.started("the browser's start");
      vi.advanceTimersByTime(6_000);
      await expect(session.outcome).rejects.toMatchObject({
        kind: "stalled",
        message: "chromium: no progress for 5 s after the browser's start",
      });
    } finally {
      await session.close();
    }
  });

  it("counts output lines as progress once started, and names the last one", async () => {
    const session = await startGuestSession("node", { script, stallMs: 5_000 });
    try {
      session.started("the process's start");
      for (let i = 0; i < 4; i++) {
        vi.advanceTimersByTime(4_000);
        session.log(`line ${i}`);
      }
      expect(session.settled()).toBe(false);
      vi.advanceTimersByTime(6_000);
      await expect(session.outcome).rejects.toMatchObject({
        kind: "stalled",
        message: 'node: no progress for 5 s after the output line "line 3"',
      });
    } finally {
      await session.close();
    }
  });
});
