import { describe, expect, it } from "vitest";
import { ENGINE_DEVIATIONS } from "../src/engine-deviations.js";
import { cellPassed, judgeSuite } from "../src/judge-suite.js";
import { compiledInvalid, specResult } from "./fixtures.js";

describe("judgeSuite", () => {
  it("counts bun's compiled assert_invalid modules as engine deviations, not failures", () => {
    const verdict = judgeSuite("bun", "spec", specResult([compiledInvalid("baseline", 5)]));
    const baseline = verdict.strategies.find((s) => s.strategy === "baseline");
    expect(baseline).toMatchObject({ deviations: 1, failed: 0, reference: false });
    expect(baseline && cellPassed(baseline)).toBe(true);
    expect(verdict.failures).toEqual([]);
    expect(verdict.deviations).toEqual([{ deviation: ENGINE_DEVIATIONS.bun?.[0], count: 1 }]);
  });

  it("counts the same failure on another engine as a failure", () => {
    const verdict = judgeSuite("node24", "spec", specResult([compiledInvalid("baseline", 5)]));
    const baseline = verdict.strategies.find((s) => s.strategy === "baseline");
    expect(baseline).toMatchObject({ deviations: 0, failed: 1 });
    expect(baseline && cellPassed(baseline)).toBe(false);
    expect(verdict.failures).toHaveLength(1);
  });

  it("counts a compiled assert_invalid module of another spec script on bun as a failure", () => {
    const elsewhere = compiledInvalid("baseline", 9, "unreachable");
    const verdict = judgeSuite(
      "bun",
      "spec",
      specResult([elsewhere, compiledInvalid("baseline", 5)]),
    );
    expect(verdict.strategies[0]).toMatchObject({ deviations: 1, failed: 1 });
    expect(verdict.failures).toEqual([elsewhere]);
    expect(verdict.deviations).toEqual([{ deviation: ENGINE_DEVIATIONS.bun?.[0], count: 1 }]);
  });

  it("counts other failures on bun as failures", () => {
    const trap = {
      strategy: "baseline",
      name: "i32.json:9",
      message: "no trap",
      command: "assert_trap",
      outcome: "returned",
    };
    const verdict = judgeSuite("bun", "spec", specResult([trap, compiledInvalid("baseline", 6)]));
    expect(verdict.strategies[0]).toMatchObject({ deviations: 1, failed: 1 });
    expect(verdict.failures).toEqual([trap]);
  });

  it("counts firefox's unsettled compileStreaming in its conformance test as a deviation", () => {
    const deviation = ENGINE_DEVIATIONS.firefox?.find((d) => d.suite === "conformance");
    if (deviation?.suite !== "conformance") throw new Error("no conformance deviation");
    const unsettled = {
      strategy: "shared",
      name: deviation.test,
      message: `${deviation.message} within 2000 ms`,
    };
    const elsewhere = { ...unsettled, name: "async-loading.test.ts > another test" };
    const result = {
      runtime: "Firefox",
      strategies: { shared: { passed: 9, failed: 2, skipped: 0 } },
      failures: [unsettled, elsewhere],
    };
    const verdict = judgeSuite("firefox", "conformance", result);
    expect(verdict.strategies[0]).toMatchObject({ deviations: 1, failed: 1 });
    expect(verdict.failures).toEqual([elsewhere]);
    expect(judgeSuite("chromium", "conformance", result).strategies[0]).toMatchObject({
      deviations: 0,
      failed: 2,
    });
  });

  it("counts firefox's untrapped memory.init in the 3.0 suite only as a deviation", () => {
    const untrapped = {
      strategy: "baseline",
      name: "memory_init/memory_init.wast:256",
      message: "expected trap, returned",
      command: "assert_trap",
      outcome: "returned ()",
    };
    expect(judgeSuite("firefox", "spec3", specResult([untrapped])).strategies[0]).toMatchObject({
      deviations: 1,
      failed: 0,
    });
    expect(judgeSuite("firefox", "spec", specResult([untrapped])).strategies[0]).toMatchObject({
      deviations: 0,
      failed: 1,
    });
  });

  it("never fails the js-api reference, and lists none of its failures", () => {
    const verdict = judgeSuite("node", "spec", specResult([]));
    const reference = verdict.strategies.find((s) => s.strategy === "js-api");
    expect(reference).toMatchObject({ reference: true, failed: 7 });
    expect(reference && cellPassed(reference)).toBe(true);
    expect(verdict.failures).toEqual([]);
  });

  it("counts failures the guest counted but did not list", () => {
    const result = specResult([compiledInvalid("baseline", 1)]);
    const unlisted = {
      ...result,
      strategies: { ...result.strategies, baseline: { passed: 90, failed: 3, skipped: 0 } },
    };
    expect(judgeSuite("bun", "spec", unlisted).strategies[0]).toMatchObject({
      deviations: 1,
      failed: 2,
    });
  });
});
