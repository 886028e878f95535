import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchProgress } from "../src/runners/progress-watchdog.js";

describe("watchProgress", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reports a stall once, naming the last thing seen, and not while progress comes", () => {
    const stalls: string[] = [];
    const watchdog = watchProgress(4_000, (reason) => stalls.push(reason));
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(3_000);
      watchdog.seen(`GET /file-${i}`);
    }
    expect(stalls).toEqual([]);
    vi.advanceTimersByTime(5_000);
    vi.advanceTimersByTime(20_000);
    expect(stalls).toEqual(["no progress for 4 s after GET /file-4"]);
    watchdog.stop();
  });

  it("names the start when nothing was seen, and shortens a long description", () => {
    const stalls: string[] = [];
    watchProgress(1_000, (reason) => stalls.push(reason));
    vi.advanceTimersByTime(1_500);
    const watchdog = watchProgress(1_000, (reason) => stalls.push(reason));
    watchdog.seen(`the message "${"x".repeat(300)}"`);
    vi.advanceTimersByTime(1_500);
    expect(stalls[0]).toBe("no progress for 1 s after the start");
    expect(stalls[1]).toMatch(/^no progress for 1 s after the message "x{187}…$/);
  });

  it("reports nothing once stopped", () => {
    const stalls: string[] = [];
    watchProgress(1_000, (reason) => stalls.push(reason)).stop();
    vi.advanceTimersByTime(10_000);
    expect(stalls).toEqual([]);
  });
});
