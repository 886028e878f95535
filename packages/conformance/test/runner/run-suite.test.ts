import { describe, expect, it } from "vitest";
import { strategyOf } from "../../src/guest/strategy-of.js";
import * as guest from "../../src/runner/collector.js";
import { runSuite, type TestOutcome } from "../../src/runner/run-suite.js";

/** Collects what `register` registers as a file, runs it and returns its outcomes. */
async function run(register: () => void | Promise<void>): Promise<TestOutcome[]> {
  const suite = await guest.collectFile("file.test.ts", async () => register());
  const outcomes: TestOutcome[] = [];
  await runSuite(suite, (outcome) => outcomes.push(outcome));
  return outcomes;
}

const summary = (outcomes: TestOutcome[]) =>
  outcomes.map(
    (o) => `${o.path.join(" > ")}: ${o.skipped ? "skipped" : o.passed ? "passed" : "failed"}`,
  );

describe("the guest runner", () => {
  it("skips what skipIf names, running neither its hooks nor its tests", async () => {
    const events: string[] = [];
    const outcomes = await run(() => {
      guest.describe.skipIf(true)("lacking", () => {
        guest.beforeAll(() => {
          events.push("hook");
        });
        guest.it("inner", () => {
          events.push("inner");
        });
        guest.describe("nested", () => {
          guest.it("deeper", () => {
            events.push("deeper");
          });
        });
      });
      guest.describe.skipIf(false)("having", () => {
        guest.it.skipIf(true)("one lacking", () => {
          events.push("one lacking");
        });
        guest.it.skipIf(false)("one having", () => {
          events.push("one having");
        });
      });
    });
    expect(events).toEqual(["one having"]);
    expect(summary(outcomes)).toEqual([
      "lacking > inner: skipped",
      "lacking > nested > deeper: skipped",
      "having > one lacking: skipped",
      "having > one having: passed",
    ]);
  });

  it("runs tests in order, with the titles of their blocks, hooks once before the first", async () => {
    const events: string[] = [];
    const outcomes = await run(() => {
      guest.it("top", () => {
        events.push("top");
      });
      guest.describe("block", () => {
        guest.beforeAll(() => {
          events.push("hook");
        });
        guest.it("one", () => {
          events.push("one");
        });
        guest.it("two", async () => {
          await Promise.resolve();
          events.push("two");
          throw new Error("failed on purpose");
        });
      });
    });
    expect(events).toEqual(["top", "hook", "one", "two"]);
    expect(summary(outcomes)).toEqual([
      "top: passed",
      "block > one: passed",
      "block > two: failed",
    ]);
    expect(outcomes[2]?.error).toEqual(new Error("failed on purpose"));
  });

  it("fails every test of a block whose beforeAll throws, and only those", async () => {
    const outcomes = await run(() => {
      guest.describe("broken", () => {
        guest.beforeAll(() => {
          throw new Error("hook failed");
        });
        guest.it("a", () => {});
        guest.describe("inner", () => guest.it("b", () => {}));
      });
      guest.it("after", () => {});
    });
    expect(summary(outcomes)).toEqual([
      "broken > a: failed",
      "broken > inner > b: failed",
      "after: passed",
    ]);
    expect(outcomes[1]?.error).toEqual(new Error("hook failed"));
  });

  it("fails a block whose callback throws while it is collected", async () => {
    const outcomes = await run(() => {
      guest.describe("throws", () => {
        guest.it("registered before", () => {});
        throw new Error("collection failed");
      });
    });
    expect(summary(outcomes)).toEqual(["throws > registered before: failed"]);
  });

  it("spreads rows that are all arrays into the test's arguments, and passes others whole", async () => {
    const seen: unknown[][] = [];
    const outcomes = await run(() => {
      guest.it.each([
        ["a", 1],
        ["b", 2],
      ])("%s is %i", (...args: unknown[]) => {
        seen.push(args);
      });
      guest.it.each([["c", 3], "d"])("mixed %s", (...args: unknown[]) => {
        seen.push(args);
      });
      guest.describe.each([{ name: "x" }])("$name block", (item: unknown) => {
        guest.it("sees its item", () => {
          seen.push([item]);
        });
      });
    });
    expect(summary(outcomes)).toEqual([
      "a is 1: passed",
      "b is 2: passed",
      "mixed c: passed",
      "mixed d: passed",
      "'x' block > sees its item: passed",
    ]);
    expect(seen).toEqual([["a", 1], ["b", 2], [["c", 3]], ["d"], [{ name: "x" }]]);
  });

  it("refuses describe and it outside a file being collected", () => {
    expect(() => guest.it("stray", () => {})).toThrow(/outside a test file/);
  });
});

describe("strategyOf", () => {
  const names = ["baseline", "funcstorage", "store-amortized", "typed-func"];

  it.each([
    [["'baseline': traps", "reports unreachable"], "baseline"],
    [["the registered strategies", "store-amortized has a one-line summary"], "store-amortized"],
    [["'typed-func': values", "echoes funcref of the same store"], "typed-func"],
    [["differential", "give the same bits through every strategy"], "shared"],
    [["a store and its funcstorage-like helper"], "shared"],
    [["baseline and funcstorage agree"], "shared"],
  ] as const)("counts %j under %s", (path, strategy) => {
    expect(strategyOf(path, names)).toBe(strategy);
  });
});
