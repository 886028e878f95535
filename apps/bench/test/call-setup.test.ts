import { Engine, Store } from "@wasmcall/runtime";
import { beforeAll, describe, expect, it } from "vitest";
import { callSetup, closureSetup } from "../src/call-setup.js";
import { contestantIds } from "../src/contestants.js";
import { prepareContestants } from "../src/prepare.js";
import { workloadNamed } from "../src/workloads/all-workloads.js";
import { assemble } from "../src/workloads/assemble.js";
import { callModuleText } from "../src/workloads/call-workloads.js";
import type { CallWorkload } from "../src/workloads/workload.js";

const call = (name: string) => workloadNamed(name) as CallWorkload;
const setupOf = async (workload: CallWorkload) =>
  callSetup(workload, new Store(new Engine()), await assemble(callModuleText(workload)));

// The first assembly loads wabt, seconds of work on a machine busy with other tests: done once
// here, with time for it, rather than inside the first test's 5 s.
beforeAll(async () => {
  await assemble(callModuleText(call("nop")));
}, 60_000);

describe("closureSetup", () => {
  it("instantiates the workload again over an engine without generated code", async () => {
    const setup = await setupOf(call("funcref-identity"));
    const closures = closureSetup(setup);
    expect(setup.func.plan().generated).toBe(true);
    expect(closures.func.plan().generated).toBe(false);
    expect(closures.store).not.toBe(setup.store);
    expect(closures.store.engine).not.toBe(setup.store.engine);
    // The funcref argument and result are the new instance's own nop.
    expect(closures.expected[0]?.funcref()?.store).toBe(closures.store);
  });
});

describe("the apply, spread and closures contestants", () => {
  it.each(["add-i32", "params-16", "funcref-identity", "v128-add"])(
    "run %s with the right results",
    async (name) => {
      const workload = call(name);
      const ids = contestantIds(workload).filter((id) =>
        ["apply", "spread", "closures"].includes(id.api),
      );
      const binary = await assemble(callModuleText(workload));
      const { contestants, failures } = prepareContestants(workload, ids, binary);
      expect(failures).toEqual([]);
      const expected =
        name === "v128-add"
          ? ["closures", "closures"]
          : ["apply", "spread", "closures", "closures"];
      expect(contestants.map((c) => c.api)).toEqual(expected);
      for (const c of contestants) {
        expect(c.read(c.run()).map(String), `${c.strategy}/${c.api}`).toEqual(
          c.expected.map(String),
        );
      }
    },
  );
});
