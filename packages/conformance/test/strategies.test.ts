import { describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";

describe("the registered strategies", () => {
  it("are the four packages, each under its stable name", () => {
    expect(STRATEGIES.map((s) => s.name)).toEqual([
      "baseline",
      "funcstorage",
      "store-amortized",
      "typed-func",
    ]);
  });

  it.each(STRATEGIES.map((s) => [s.name, s] as const))("%s has a one-line summary", (_, s) => {
    expect(s.summary.length).toBeGreaterThan(10);
    expect(s.summary).not.toContain("\n");
  });
});
