import type { GuestRun, RuntimeName } from "@wasmcall/host-runtimes";
import { describe, expect, it } from "vitest";
import { failedCells } from "../src/failed-cells.js";
import { runMatrix } from "../src/run-matrix.js";
import type { SuitePlan } from "../src/suite.js";
import { compiledInvalid, specResult } from "./fixtures.js";

// Any existing file stands for a guest bundle: the fake runGuest never runs it.
const SCRIPT = new URL(import.meta.url).pathname;

const SUITES: SuitePlan[] = [
  { name: "conformance", script: SCRIPT, args: {}, mounts: {} },
  { name: "spec", script: SCRIPT, args: { suite: "/spec/" }, mounts: { "/spec/": "/s" } },
];

const trap = {
  strategy: "baseline",
  name: "traps/traps.wast:9",
  message: "expected a trap\nit returned i32:0",
  command: "assert_trap",
  outcome: "returned",
};

describe("failedCells", () => {
  it("names each failed cell with its reason: no start, no result, the first failure", async () => {
    const outcomes = await runMatrix(
      ["node", "bun", "firefox"] as RuntimeName[],
      SUITES,
      {
        ensureRuntime: async (name) => {
          if (name === "firefox") throw new Error("firefox is not available: not root");
          return { version: "1" };
        },
        runGuest: async (name, options): Promise<GuestRun> => {
          const spec = options.args !== null && "suite" in (options.args as object);
          if (name === "node" && !spec) {
            throw new Error('node: no progress for 30 s after the message "arity.test.ts"');
          }
          // bun's compiled assert_invalid module is a deviation, the trap a failure.
          const result = spec
            ? specResult([trap, compiledInvalid("baseline", 2)])
            : { runtime: "x", strategies: {}, failures: [] };
          return { result, version: "1", logs: [] };
        },
        progress: () => undefined,
      },
      1000,
    );
    expect(failedCells(outcomes, ["conformance", "spec"])).toEqual([
      {
        runtime: "node",
        suite: "conformance",
        reason: 'no result: node: no progress for 30 s after the message "arity.test.ts"',
      },
      {
        runtime: "node",
        suite: "spec",
        strategy: "baseline",
        reason: "2 failed, first: traps/traps.wast:9: expected a trap",
      },
      {
        runtime: "bun",
        suite: "spec",
        strategy: "baseline",
        reason: "1 failed, first: traps/traps.wast:9: expected a trap",
      },
      {
        runtime: "firefox",
        suite: "conformance",
        reason: "cannot be started: firefox is not available: not root",
      },
      {
        runtime: "firefox",
        suite: "spec",
        reason: "cannot be started: firefox is not available: not root",
      },
    ]);
  });
});
