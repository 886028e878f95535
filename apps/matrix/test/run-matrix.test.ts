import type { GuestRun, RunGuestOptions, RuntimeName } from "@wasmcall/host-runtimes";
import { describe, expect, it } from "vitest";
import { formatFailures } from "../src/format-failures.js";
import { formatMatrix } from "../src/format-matrix.js";
import { toJson } from "../src/matrix-json.js";
import { type MatrixHooks, runMatrix } from "../src/run-matrix.js";
import type { SuitePlan } from "../src/suite.js";
import { compiledInvalid, specResult } from "./fixtures.js";

// Any existing file stands for a guest bundle: the fake runGuest never runs it.
const SCRIPT = new URL(import.meta.url).pathname;

const SUITES: SuitePlan[] = [
  { name: "conformance", script: SCRIPT, args: {}, mounts: {} },
  { name: "spec", script: SCRIPT, args: { suite: "/spec/" }, mounts: { "/spec/": "/s" } },
];

function fakeHooks(runs: Partial<Record<RuntimeName, (options: RunGuestOptions) => unknown>>) {
  const calls: string[] = [];
  const hooks: MatrixHooks = {
    ensureRuntime: async (name) => {
      if (name === "firefox") throw new Error("firefox is not available: not root");
      return { version: `${name}-1.0` };
    },
    runGuest: async (name, options): Promise<GuestRun> => {
      calls.push(`${name} ${JSON.stringify(options.args)}`);
      const run = runs[name];
      if (run === undefined) throw new Error(`no fake for ${name}`);
      return { result: run(options), version: `${name}-1.0`, logs: [] };
    },
    progress: () => undefined,
  };
  return { hooks, calls };
}

const conformance = {
  runtime: "test engine",
  strategies: {
    shared: { passed: 3, failed: 0, skipped: 0 },
    baseline: { passed: 9, failed: 0, skipped: 1 },
  },
  failures: [],
};

describe("runMatrix", () => {
  it("runs each suite in each runtime, one after another, and judges the results", async () => {
    const { hooks, calls } = fakeHooks({
      node: (options) =>
        options.args && "suite" in (options.args as object) ? specResult([]) : conformance,
      bun: (options) =>
        options.args && "suite" in (options.args as object)
          ? specResult([compiledInvalid("baseline", 2)])
          : conformance,
    });
    const outcomes = await runMatrix(["node", "bun", "firefox"], SUITES, hooks, 1000);
    expect(calls).toEqual([
      "node {}",
      'node {"suite":"/spec/"}',
      "bun {}",
      'bun {"suite":"/spec/"}',
    ]);
    const json = toJson(outcomes, ["conformance", "spec"]);
    // node: 2 conformance cells + 1 spec cell (js-api is not a cell); bun the same; firefox
    // could not be started: one failed cell per suite.
    expect({ passed: json.passed, failed: json.failed }).toEqual({ passed: 6, failed: 2 });
    expect(json.runtimes.firefox).toEqual({
      version: null,
      engine: "SpiderMonkey",
      conformance: {
        error: "the runtime could not be started: firefox is not available: not root",
      },
      spec: { error: "the runtime could not be started: firefox is not available: not root" },
    });
    expect(json.runtimes.bun?.spec).toMatchObject({
      strategies: specResult([compiledInvalid("baseline", 2)]).strategies,
      engineDeviations: [
        { script: "unreached-invalid", command: "assert_invalid", outcome: "compiled", count: 1 },
      ],
    });

    const table = formatMatrix(outcomes, ["conformance", "spec"]);
    expect(table).toContain("js-api (reference)");
    expect(table).toContain("engine deviations");
    expect(table).toMatch(/firefox\s+-\s+SpiderMonkey\s+cannot be started/);
    const failures = formatFailures(outcomes, ["conformance", "spec"], 5);
    expect(failures).toContain(
      "failures in firefox:\n  cannot be started: firefox is not available",
    );
    expect(failures).toContain(
      "engine deviations (not counted as failures):\n  bun spec: 1 × assert_invalid → compiled in unreached-invalid\n",
    );
  });

  it("records a guest failure or a malformed result as a suite without a result", async () => {
    const { hooks } = fakeHooks({
      node: (options) => {
        if (options.args && "suite" in (options.args as object))
          throw new Error("node: the guest failed: boom");
        return { strategies: {} };
      },
    });
    const outcomes = await runMatrix(["node"], SUITES, hooks, 1000);
    const json = toJson(outcomes, ["conformance", "spec"]);
    expect(json.runtimes.node).toMatchObject({
      conformance: { error: "the guest's result has no runtime" },
      spec: { error: "node: the guest failed: boom" },
    });
    expect({ passed: json.passed, failed: json.failed }).toEqual({ passed: 0, failed: 2 });
  });

  it("asks the spec guest for the failures it left out before judging deviations", async () => {
    const full = [compiledInvalid("baseline", 1), compiledInvalid("baseline", 2)];
    const { hooks, calls } = fakeHooks({
      bun: (options) => {
        const args = options.args as { suite?: string; strategies?: string[] };
        if (args.suite === undefined) return conformance;
        if (args.strategies !== undefined) return specResult(full);
        const cut = specResult(full);
        return { ...cut, failures: cut.failures.slice(0, 2) };
      },
    });
    const narrowed: SuitePlan[] = [
      {
        ...(SUITES[1] as SuitePlan),
        narrowArgs: (strategies, scripts) => ({ suite: "/spec/", strategies, scripts }),
      },
    ];
    const outcomes = await runMatrix(["bun"], narrowed, hooks, 1000);
    expect(calls).toEqual([
      'bun {"suite":"/spec/"}',
      'bun {"suite":"/spec/","strategies":["baseline"]}',
    ]);
    expect(toJson(outcomes, ["spec"])).toMatchObject({ passed: 1, failed: 0 });
  });

  it("records a missing guest bundle without running it", async () => {
    const { hooks, calls } = fakeHooks({});
    const missing: SuitePlan[] = [
      { name: "conformance", script: "/nowhere/guest.js", args: {}, mounts: {} },
    ];
    const outcomes = await runMatrix(["node"], missing, hooks, 1000);
    expect(calls).toEqual([]);
    expect(outcomes[0]?.suites.conformance).toEqual({
      error: "/nowhere/guest.js is missing: build it (pnpm build)",
      ms: 0,
    });
  });
});
