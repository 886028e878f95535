import { describe, expect, it } from "vitest";
import { checkContestant, contestantIds } from "../src/contestants.js";
import { prepareContestants } from "../src/prepare.js";
import { WORKLOADS, workloadNamed } from "../src/workloads/all-workloads.js";
import { assemble } from "../src/workloads/assemble.js";
import { workloadModuleText } from "../src/workloads/module-text.js";
import type { Workload } from "../src/workloads/workload.js";

const binaryOf = (workload: Workload) => assemble(workloadModuleText(workload));

/**
 * Every contestant of every workload, made and run once: each must return its workload's
 * expected results (checked by prepareContestants, and here once more). No timing.
 */
describe.each(WORKLOADS.map((w) => [w.name, w] as const))("%s", (_, workload) => {
  it("runs through every contestant with the right results", async () => {
    const ids = contestantIds(workload);
    const { contestants, failures } = prepareContestants(workload, ids, await binaryOf(workload));
    // As text, so that a failing test's message names each contestant's error.
    expect(failures.map((f) => `${f.strategy}/${f.api}: ${f.error}`)).toEqual([]);
    expect(contestants.map((c) => `${c.strategy}/${c.api}`)).toEqual(
      ids.map((id) => `${id.strategy}/${id.api}`),
    );
    for (const c of contestants) {
      expect(checkContestant(c), `${c.strategy}/${c.api}`).toBeUndefined();
    }
  });
});

describe("checkContestant", () => {
  it("reports a wrong result and an exception", async () => {
    const workload = workloadNamed("add-i32");
    const ids = contestantIds(workload);
    const { contestants } = prepareContestants(workload, ids, await binaryOf(workload));
    const raw = contestants[0];
    if (raw === undefined) throw new Error("no raw contestant");
    expect(checkContestant({ ...raw, run: () => 41 })).toMatch(
      /returned \[i32:41\], expected \[i32:42\]/,
    );
    expect(
      checkContestant({
        ...raw,
        run: () => {
          throw new RangeError("no");
        },
      }),
    ).toBe("threw RangeError: no");
  });
});
