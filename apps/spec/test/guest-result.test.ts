import { MAX_FAILURES } from "@wasmcall/host-runtimes/guest";
import { describe, expect, it } from "vitest";
import { parseGuestArgs } from "../src/guest-args.js";
import { toGuestResult } from "../src/guest-result.js";
import { INVOKERS } from "../src/invokers.js";
import type { Failure, ScriptResult } from "../src/run-script.js";
import { RunSummary } from "../src/summary.js";

/** A script result of `failed` failures of the kind `type`, and 10 passed commands. */
function result(failed: number, type = "assert_return"): ScriptResult {
  const failures: Failure[] = Array.from({ length: failed }, (_, i) => ({
    where: `s/s.wast:${i + 1}`,
    type,
    command: `${type} invoke "f"()`,
    expected: "i32:1",
    actual: "compiled",
  }));
  return { tally: { passed: 10, failed, skipped: 0 }, kinds: {}, failures, skips: [] };
}

describe("toGuestResult", () => {
  it("counts each column's skips by category", () => {
    const summary = new RunSummary(INVOKERS);
    const skipping: ScriptResult = {
      ...result(0),
      tally: { passed: 10, failed: 0, skipped: 3 },
      skips: [
        { where: "s/s.wast:1", reason: "engine lacks memory64" },
        { where: "s/s.wast:2", reason: "engine lacks memory64" },
        { where: "s/s.wast:3", reason: "custom section or annotation accepted (allowed)" },
      ],
    };
    summary.add({ name: "s", commands: 13, results: new Map([["baseline", skipping]]) });
    expect(toGuestResult(summary, "an engine").strategies.baseline?.skips).toEqual({
      "engine lacks memory64": 2,
      "custom section or annotation accepted (allowed)": 1,
    });
  });

  it("counts every column and names each failure's command and outcome", () => {
    const summary = new RunSummary(INVOKERS);
    const results = new Map(INVOKERS.map((invoker) => [invoker.name, result(0)]));
    results.set("baseline", result(1, "assert_invalid"));
    summary.add({ name: "s", commands: 11, results });
    const guest = toGuestResult(summary, "an engine");
    expect(guest.runtime).toBe("an engine");
    expect(Object.keys(guest.strategies)).toEqual(INVOKERS.map((invoker) => invoker.name));
    expect(guest.strategies.baseline).toEqual({ passed: 10, failed: 1, skipped: 0, skips: {} });
    expect(guest.failures).toEqual([
      {
        strategy: "baseline",
        name: "s/s.wast:1",
        message: 'assert_invalid invoke "f"(): expected i32:1, got compiled',
        command: "assert_invalid",
        outcome: "compiled",
      },
    ]);
  });

  it(`lists at most ${MAX_FAILURES} failures, shared between the columns`, () => {
    const summary = new RunSummary(INVOKERS);
    const results = new Map(INVOKERS.map((invoker) => [invoker.name, result(0)]));
    results.set("baseline", result(30));
    results.set("js-api", result(1000));
    summary.add({ name: "s", commands: 1040, results });
    const { failures, strategies } = toGuestResult(summary, "an engine");
    expect(failures).toHaveLength(MAX_FAILURES);
    expect(failures.filter((f) => f.strategy === "baseline")).toHaveLength(30);
    expect(failures.slice(0, 30).every((f) => f.strategy === "baseline")).toBe(true);
    expect(strategies["js-api"]?.failed).toBe(1000);
  });
});

describe("parseGuestArgs", () => {
  it("defaults to the whole suite under /spec/ through every column", () => {
    expect(parseGuestArgs({})).toEqual({ suite: "/spec/", invokers: INVOKERS, scripts: [] });
  });

  it("takes the suite's URL path, strategies and scripts", () => {
    const args = parseGuestArgs({
      suite: "/s/",
      strategies: ["typed-func", "js-api"],
      scripts: ["i32"],
    });
    expect(args.suite).toBe("/s/");
    expect(args.invokers.map((invoker) => invoker.name)).toEqual(["typed-func", "js-api"]);
    expect(args.scripts).toEqual(["i32"]);
  });

  it("refuses an unknown strategy and args of another shape", () => {
    expect(() => parseGuestArgs({ strategies: ["fastest"] })).toThrow(/unknown strategy "fastest"/);
    expect(() => parseGuestArgs({ scripts: "i32" })).toThrow(/scripts must be a list/);
    expect(() => parseGuestArgs({ suite: 1 })).toThrow(/suite must be a URL path/);
  });
});
