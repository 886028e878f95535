import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";
import { fileSource } from "../src/file-source.js";
import { INVOKERS } from "../src/invokers.js";
import { runSuite } from "../src/run-suite.js";
import { TEXT_ACCEPTED } from "../src/skip-category.js";
import { fixtureSuite } from "./support/fixture-suite.js";

let dir: string;

beforeAll(async () => {
  dir = await fixtureSuite();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const strategies = INVOKERS.filter((invoker) => !invoker.reference);

describe("runSuite over the mini script (every command kind)", () => {
  it("passes every command under every strategy, skipping the text module wabt accepts", async () => {
    const summary = await runSuite({
      source: fileSource(dir),
      invokers: strategies,
      only: ["mini"],
    });
    expect(strategies.length).toBeGreaterThanOrEqual(3);
    for (const strategy of strategies) {
      const totals = summary.totals.get(strategy.name);
      const failures = summary.files[0]?.results.get(strategy.name)?.failures;
      expect(failures, strategy.name).toEqual([]);
      expect(totals?.tally, strategy.name).toEqual({ passed: 35, failed: 0, skipped: 1 });
      expect(totals?.kinds, strategy.name).toEqual({
        module: { passed: 2, failed: 0, skipped: 0 },
        register: { passed: 1, failed: 0, skipped: 0 },
        action: { passed: 1, failed: 0, skipped: 0 },
        assert_return: { passed: 19, failed: 0, skipped: 0 },
        assert_trap: { passed: 5, failed: 0, skipped: 0 },
        assert_exhaustion: { passed: 1, failed: 0, skipped: 0 },
        assert_invalid: { passed: 1, failed: 0, skipped: 0 },
        assert_malformed: { passed: 1, failed: 0, skipped: 0 },
        "assert_malformed (text)": { passed: 2, failed: 0, skipped: 1 },
        assert_unlinkable: { passed: 1, failed: 0, skipped: 0 },
        assert_uninstantiable: { passed: 1, failed: 0, skipped: 0 },
      });
    }
    expect(summary.skips()).toEqual(new Map([[TEXT_ACCEPTED, 1]]));
    expect(summary.hasFailures()).toBe(false);
  });

  it("gives the same results compiling synchronously and asynchronously", async () => {
    const run = (compile: "sync" | "async") =>
      runSuite({ source: fileSource(dir), invokers: INVOKERS, only: ["mini", "broken"], compile });
    const [sync, async] = await Promise.all([run("sync"), run("async")]);
    expect(sync.totals).toEqual(async.totals);
    expect(sync.files.map((f) => [...f.results])).toEqual(async.files.map((f) => [...f.results]));
  });

  it("shows what the plain JS API loses: v128 calls and NaN payloads", async () => {
    const jsApi = INVOKERS.filter((invoker) => invoker.reference);
    const summary = await runSuite({ source: fileSource(dir), invokers: jsApi, only: ["mini"] });
    const failures = summary.files[0]?.results.get("js-api")?.failures ?? [];
    expect(failures.map((f) => f.where)).toEqual([
      "mini/mini.wast:10", // f32 signalling NaN through a JS number
      "mini/mini.wast:20", // i32x4.add: v128
      "mini/mini.wast:22", // f32x4.div: v128
      "mini/mini.wast:36", // get of an f32 global holding a signalling NaN
    ]);
    expect(failures[1]?.actual).toMatch(/^TypeError/);
    expect(summary.totals.get("js-api")?.tally).toEqual({ passed: 31, failed: 4, skipped: 1 });
    expect(summary.hasFailures()).toBe(false);
  });
});

describe("runSuite over the broken script (every command wrong)", () => {
  it("fails each wrong command with file:line, the command, expected and actual", async () => {
    const summary = await runSuite({
      source: fileSource(dir),
      invokers: strategies,
      only: ["broken"],
    });
    for (const strategy of strategies) {
      const result = summary.files[0]?.results.get(strategy.name);
      expect(result?.tally, strategy.name).toEqual({ passed: 1, failed: 9, skipped: 1 });
      expect(result?.failures.map((f) => f.where)).toEqual(
        [20, 30, 40, 50, 60, 70, 80, 90, 100].map((line) => `broken/broken.wast:${line}`),
      );
      expect(result?.failures[0]).toEqual({
        where: "broken/broken.wast:20",
        type: "assert_return",
        command: 'assert_return invoke "add"(i32:1, i32:2)',
        expected: "i32:4",
        actual: "i32:3",
      });
      expect(result?.failures[1]?.actual).toBe("f32:0x7fe00000");
      expect(result?.failures[4]?.actual).toMatch(/^Trap\(INTEGER_DIVIDE_BY_ZERO\)/);
      expect(summary.skips()).toEqual(
        new Map([
          [TEXT_ACCEPTED, 0],
          ['command type "assert_future_thing" unknown to the runner', 1],
        ]),
      );
      expect(result?.skips).toEqual([
        {
          where: "broken/broken.wast:110",
          reason: 'command type "assert_future_thing" unknown to the runner',
        },
      ]);
    }
    expect(summary.hasFailures()).toBe(true);
  });
});

describe("runCli", () => {
  const quiet = { out: () => {}, err: () => {} };

  it("exits 0 when every strategy passes, and writes the JSON report", async () => {
    const out = mkdtempSync(join(tmpdir(), "wasmcall-spec-json-"));
    const json = join(out, "report.json");
    const lines: string[] = [];
    const status = await runCli(
      ["--dir", dir, "--json", json, "mini"],
      {},
      {
        out: (line) => lines.push(line),
        err: () => {},
      },
    );
    expect(status).toBe(0);
    const report = JSON.parse(readFileSync(json, "utf8"));
    for (const invoker of INVOKERS) expect(Object.keys(report.strategies)).toContain(invoker.name);
    expect(report.strategies.baseline).toMatchObject({ passed: 35, failed: 0, skipped: 1 });
    expect(report.strategies["js-api"]).toMatchObject({ failed: 4, reference: true });
    expect(report.files.mini.baseline).toMatchObject({ passed: 35, failed: 0, skipped: 1 });
    expect(report.skips).toEqual({ [TEXT_ACCEPTED]: 1 });
    expect(lines.join("\n")).toMatch(/js-api \(reference\)\s+31\s+4\s+1/);
    rmSync(out, { recursive: true, force: true });
  });

  it("exits 1 when a strategy fails, printing at most --max-failures of them", async () => {
    const lines: string[] = [];
    const argv = ["--dir", dir, "--strategy", "baseline", "--max-failures", "2", "broken"];
    const status = await runCli(argv, {}, { out: (line) => lines.push(line), err: () => {} });
    expect(status).toBe(1);
    const text = lines.join("\n");
    expect(text).toContain("failures under baseline: 9");
    expect(text).toContain("broken/broken.wast:30");
    expect(text).not.toContain("broken/broken.wast:40");
    expect(text).toContain("... and 7 more under baseline");
  });

  it("exits 2 for an unknown strategy or option, or a missing suite", async () => {
    expect(await runCli(["--dir", dir, "--strategy", "nope"], {}, quiet)).toBe(2);
    expect(await runCli(["--dir", dir, "--bogus"], {}, quiet)).toBe(2);
    expect(await runCli(["--dir", join(dir, "missing")], {}, quiet)).toBe(2);
    expect(await runCli(["--dir", dir, "no-such-script"], {}, quiet)).toBe(2);
  });
});
