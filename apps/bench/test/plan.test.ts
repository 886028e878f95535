import { describe, expect, it } from "vitest";
import { contestantIds } from "../src/contestants.js";
import { planRun } from "../src/plan.js";
import { WORKLOADS, workloadNamed } from "../src/workloads/all-workloads.js";

const keys = (ids: readonly { strategy: string; api: string }[]) =>
  ids.map((id) => `${id.strategy}/${id.api}`);

describe("contestantIds", () => {
  it("has the raw calls, then every strategy through its native API, the Caller and closures", () => {
    expect(keys(contestantIds(workloadNamed("add-i32")))).toEqual([
      "raw/native",
      "raw/apply",
      "raw/spread",
      "baseline/native",
      "baseline/caller",
      "funcstorage/native",
      "funcstorage/caller",
      "funcstorage/closures",
      "store-amortized/native",
      "store-amortized/caller",
      "store-amortized/closures",
      "typed-func/native",
      "typed-func/caller",
    ]);
  });

  it("has no raw call where the JS API cannot pass the signature", () => {
    const v128 = keys(contestantIds(workloadNamed("v128-add")));
    expect(v128.filter((key) => key.startsWith("raw/"))).toEqual([]);
    expect(v128).toHaveLength(10);
    expect(v128).toContain("store-amortized/closures");
  });

  it("defines host functions through each host API", () => {
    expect(keys(contestantIds(workloadNamed("host-nop")))).toEqual([
      "raw/native",
      "runtime/wrap",
      "runtime/hostRaw",
      "runtime/host",
      "typed-func/native",
    ]);
  });
});

describe("planRun", () => {
  it("runs everything without a filter", () => {
    expect(planRun(undefined).map((p) => p.workload.name)).toEqual(WORKLOADS.map((w) => w.name));
  });

  it("keeps the matching contestants and the references of their workloads", () => {
    const plans = planRun(/^add-i32\/funcstorage\/native$/);
    expect(plans.map((p) => p.workload.name)).toEqual(["add-i32"]);
    expect(keys((plans[0] as (typeof plans)[0]).ids)).toEqual([
      "raw/native",
      "raw/apply",
      "raw/spread",
      "baseline/native",
      "baseline/caller",
      "funcstorage/native",
    ]);
  });

  it("picks out the closures contestants by their API", () => {
    const plans = planRun(/\/closures$/);
    expect(plans.map((p) => p.workload.name)).not.toContain("host-nop");
    expect(keys((plans[0] as (typeof plans)[0]).ids)).toEqual([
      "raw/native",
      "raw/apply",
      "raw/spread",
      "baseline/native",
      "baseline/caller",
      "funcstorage/closures",
      "store-amortized/closures",
    ]);
  });

  it("runs nothing when nothing matches", () => {
    expect(planRun(/no such thing/)).toEqual([]);
  });
});
