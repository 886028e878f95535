import { describe, expect, it } from "vitest";
import { resultOf, runtimesOf, withRatios } from "../src/results.js";
import { measured } from "./fixtures.js";

const BUN = { name: "bun", version: "1.4.5" };

describe("withRatios", () => {
  const results = withRatios([
    measured("add-i32", "raw", "native", 2),
    measured("add-i32", "baseline", "native", 100),
    measured("add-i32", "baseline", "caller", 200),
    measured("add-i32", "funcstorage", "native", 5),
    measured("add-i32", "funcstorage", "caller", 10),
    measured("add-i32", "funcstorage", "closures", 20),
    measured("add-i32", "raw", "apply", 6),
    measured("v128-add", "baseline", "native", 300),
    measured("v128-add", "funcstorage", "native", 30),
    measured("host-nop", "raw", "native", 4),
    measured("host-nop", "runtime", "host", 40),
    measured("add-i32", "raw", "native", 4, { runtime: BUN }),
    measured("add-i32", "funcstorage", "native", 6, { runtime: BUN }),
  ]);
  const get = (w: string, s: string, api: string) => resultOf(results, w, s, api, "node");

  it("takes the median as ns per call", () => {
    expect(get("add-i32", "funcstorage", "native")?.nsPerCall).toBe(5);
  });

  it("divides by the raw call of the same workload", () => {
    expect(get("add-i32", "raw", "native")?.ratioToRaw).toBe(1);
    expect(get("add-i32", "funcstorage", "native")?.ratioToRaw).toBe(2.5);
    expect(get("host-nop", "runtime", "host")?.ratioToRaw).toBe(10);
  });

  it("divides by the baseline through the same API", () => {
    expect(get("add-i32", "funcstorage", "native")?.ratioToBaseline).toBe(0.05);
    expect(get("add-i32", "funcstorage", "caller")?.ratioToBaseline).toBe(0.05);
    expect(get("add-i32", "baseline", "caller")?.ratioToBaseline).toBe(1);
  });

  it("divides the raw calls and the closures by the baseline's native API", () => {
    expect(get("add-i32", "raw", "native")?.ratioToBaseline).toBe(0.02);
    expect(get("add-i32", "raw", "apply")?.ratioToBaseline).toBe(0.06);
    expect(get("add-i32", "funcstorage", "closures")?.ratioToBaseline).toBe(0.2);
    expect(get("add-i32", "raw", "apply")?.ratioToRaw).toBe(3);
  });

  it("leaves a ratio null where its reference is absent", () => {
    expect(get("v128-add", "funcstorage", "native")?.ratioToRaw).toBeNull();
    expect(get("v128-add", "funcstorage", "native")?.ratioToBaseline).toBe(0.1);
    expect(get("host-nop", "runtime", "host")?.ratioToBaseline).toBeNull();
  });

  it("takes every ratio within the runtime of the measurement", () => {
    const bun = resultOf(results, "add-i32", "funcstorage", "native", "bun");
    expect(bun?.ratioToRaw).toBe(1.5);
    expect(bun?.ratioToBaseline).toBeNull();
  });

  it("finds nothing that was not measured", () => {
    expect(get("nop", "raw", "native")).toBeUndefined();
  });
});

describe("runtimesOf", () => {
  it("lists each runtime once, in order of appearance", () => {
    const runtimes = runtimesOf([
      measured("nop", "raw", "native", 1),
      measured("nop", "raw", "native", 1, { runtime: BUN }),
      measured("add-i32", "raw", "native", 1),
    ]);
    expect(runtimes.map((r) => r.name)).toEqual(["node", "bun"]);
  });
});
