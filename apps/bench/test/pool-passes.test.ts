import { describe, expect, it } from "vitest";
import { versionNumber } from "../src/host/version-number.js";
import type { PassFigures } from "../src/pass.js";
import { poolPasses, poolTimings } from "../src/pool-passes.js";
import { workloadNamed } from "../src/workloads/all-workloads.js";
import { NODE } from "./fixtures.js";

const figures = (
  strategy: string,
  samples: number[],
  bytesPerCall: number | null | undefined,
): PassFigures => ({ workload: "add-i32", strategy, api: "native", samples, bytesPerCall });

describe("poolPasses", () => {
  const plan = {
    workload: workloadNamed("add-i32"),
    ids: [
      { strategy: "raw", api: "native" },
      { strategy: "funcstorage", api: "native" },
      { strategy: "typed-func", api: "native" },
    ],
  };

  it("pools every pass's samples and keeps the first pass's bytes", () => {
    const [raw] = poolPasses(NODE, plan, [
      figures("raw", [1, 2, 3], 0),
      figures("raw", [4, 5], undefined),
    ]);
    expect(raw?.timing.samples).toBe(5);
    expect(raw?.timing.p50).toBe(3);
    expect(raw?.bytesPerCall).toBe(0);
    expect(raw?.runtime).toEqual(NODE);
  });

  it("keeps null bytes (not measurable) apart from a missing first pass", () => {
    const pooled = poolPasses(NODE, plan, [
      figures("funcstorage", [9], null),
      figures("typed-func", [3], undefined),
    ]);
    expect(pooled.map((m) => [m.strategy, m.bytesPerCall])).toEqual([["funcstorage", null]]);
  });
});

describe("versionNumber", () => {
  it("takes the number out of each runtime's version text", () => {
    expect(versionNumber("v22.23.3")).toBe("22.23.3");
    expect(versionNumber("deno 2.9.6 (stable, release, x86_64-unknown-linux-gnu)")).toBe("2.9.6");
    expect(versionNumber("Chrome/150.0.7871.100")).toBe("150.0.7871.100");
    expect(versionNumber("firefox/153.7.0")).toBe("153.7.0");
    expect(versionNumber("1.4.5")).toBe("1.4.5");
  });
});

describe("poolTimings", () => {
  it("weighs every pass the same, however many samples it took", () => {
    const fast = [10, 10, 11, 11, 12];
    const slow = Array.from({ length: 500 }, () => 200);
    expect(poolTimings([fast, slow, fast]).p50).toBeLessThan(13);
  });

  it("keeps the extremes and the count of all the samples", () => {
    const timing = poolTimings([
      [3, 4, 5],
      [1, 9],
    ]);
    expect(timing).toMatchObject({ min: 1, max: 9, samples: 5 });
  });
});
