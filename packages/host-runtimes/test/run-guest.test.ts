import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GuestError, type RuntimeName, runGuest } from "../dist/index.js";
import { buildGuestFixture, type GuestFixture } from "./fixtures/build-guest.js";

// The first run of a runtime may install it (npm ci of the runtimes project, apt-get for the
// browsers), hence the long timeouts; once installed, each run takes well under a second.
const INSTALL_TIMEOUT_MS = 300_000;

describe("runGuest", () => {
  let fixture: GuestFixture;

  beforeAll(async () => {
    fixture = await buildGuestFixture();
  });

  afterAll(() => rmSync(dirname(fixture.script), { recursive: true, force: true }));

  const cases: [RuntimeName, RegExp, RegExp][] = [
    ["node", /^Node v\d+/, /^v\d+\.\d+\.\d+$/],
    ["bun", /^Bun \d+\.\d+\.\d+ \(JavaScriptCore\)$/, /^\d+\.\d+\.\d+$/],
    ["chromium", /HeadlessChrome\//, /^(Headless)?Chrome\/\d+/],
  ];

  it.each(cases)(
    "runs the guest bundle in %s and returns its result, messages and logs",
    async (name, runtime, version) => {
      const messages: unknown[] = [];
      const run = await runGuest(name, {
        script: fixture.script,
        args: { a: 2, b: 40 },
        mounts: { "/wasm/": fixture.wasmDir },
        onMessage: (message) => messages.push(message),
        timeoutMs: 60_000,
      });
      expect(run.result).toEqual({
        runtime: expect.stringMatching(runtime),
        sum: 42,
        files: ["add.wasm"],
      });
      expect(run.version).toMatch(version);
      expect(messages).toEqual(["started", { files: ["add.wasm"] }]);
      expect(run.logs.some((line) => line.endsWith("adding"))).toBe(true);
    },
    INSTALL_TIMEOUT_MS,
  );

  it("rejects with a GuestError carrying the guest's error and logs when the guest throws", async () => {
    const failing = runGuest("node", {
      script: fixture.script,
      args: { a: 1, b: 1, fail: true },
      mounts: { "/wasm/": fixture.wasmDir },
    });
    await expect(failing).rejects.toThrow(GuestError);
    await expect(failing).rejects.toMatchObject({
      runtime: "node",
      kind: "threw",
      message: "node: the guest failed: Error: asked to fail",
      logs: ["adding"],
      guestStack: expect.stringContaining("asked to fail"),
    });
  });

  it("rejects with a timeout when no result comes in time", async () => {
    await expect(
      runGuest("node", { script: fixture.script, args: { a: 1, b: 1 }, timeoutMs: 1 }),
    ).rejects.toMatchObject({ kind: "timeout", message: "node: no result after 1 ms" });
  });

  it.each(["node", "chromium"] as const)(
    "fails a guest in %s that stops making progress within stallMs, naming the last thing seen",
    async (name) => {
      const started = performance.now();
      const hanging = runGuest(name, {
        script: fixture.script,
        args: { a: 1, b: 1, hang: true },
        mounts: { "/wasm/": fixture.wasmDir },
        timeoutMs: 60_000,
        stallMs: 5_000,
      });
      await expect(hanging).rejects.toMatchObject({
        kind: "stalled",
        message: `${name}: no progress for 5 s after the message "hanging"`,
      });
      expect(performance.now() - started).toBeLessThan(30_000);
    },
    INSTALL_TIMEOUT_MS,
  );

  it("refuses a script that is not an absolute path to a file", async () => {
    await expect(runGuest("node", { script: "guest.js" })).rejects.toThrow(
      "the guest script must be an absolute path to a file: guest.js",
    );
  });
});
