import type { GuestFailure, GuestSuiteResult } from "@wasmcall/host-runtimes/guest";
import { describe, expect, it } from "vitest";
import { completeFailures, strategiesWithUnlistedFailures } from "../src/complete-failures.js";
import { compiledInvalid } from "./fixtures.js";

const malformed = (strategy: string): GuestFailure => ({
  strategy,
  name: "binary/binary.wast:146",
  message: "expected CompileError, got compiled",
  command: "assert_malformed",
  outcome: "compiled",
});

/** Two strategies failing 3 times each; the guest listed one failure of each. */
const cutShort: GuestSuiteResult = {
  runtime: "test engine",
  strategies: {
    baseline: { passed: 10, failed: 3, skipped: 0 },
    "typed-func": { passed: 10, failed: 3, skipped: 0 },
    "js-api": { passed: 1, failed: 12, skipped: 0 },
  },
  failures: [compiledInvalid("baseline", 1), compiledInvalid("typed-func", 1)],
};

function fullList(strategy: string): GuestFailure[] {
  return [compiledInvalid(strategy, 1), compiledInvalid(strategy, 2), malformed(strategy)];
}

describe("completeFailures", () => {
  it("finds the strategies whose failures were not all listed, the reference left out", () => {
    expect(strategiesWithUnlistedFailures(cutShort)).toEqual(["baseline", "typed-func"]);
  });

  it("asks again one strategy at a time, the others over the first one's failing folders", async () => {
    const asked: string[] = [];
    const completed = await completeFailures(cutShort, async (strategies, scripts) => {
      asked.push(`${strategies.join(",")} ${scripts?.join(",") ?? "(all)"}`);
      const strategy = strategies[0] ?? "";
      return {
        runtime: "test engine",
        strategies: { [strategy]: { passed: 10, failed: 3, skipped: 0 } },
        failures: fullList(strategy),
      };
    });
    expect(asked).toEqual(["baseline (all)", "typed-func unreached-invalid,binary"]);
    expect(completed.failures).toEqual([...fullList("baseline"), ...fullList("typed-func")]);
    expect(completed.strategies).toBe(cutShort.strategies);
  });

  it("keeps a strategy's list when the new run does not list all its failures", async () => {
    const completed = await completeFailures(cutShort, async (strategies) => ({
      runtime: "test engine",
      strategies: {},
      failures: strategies[0] === "baseline" ? fullList("baseline") : [],
    }));
    expect(completed.failures).toEqual([...fullList("baseline"), compiledInvalid("typed-func", 1)]);
  });
});
