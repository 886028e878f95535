import { describe, expect, it } from "vitest";
import { browserRuntime } from "../src/web/browser-runtime.js";
import { planSelection } from "../src/web/selection.js";

const keys = (ids: readonly { strategy: string; api: string }[]) =>
  ids.map((id) => `${id.strategy}/${id.api}`);

describe("planSelection", () => {
  it("runs the raw call and the chosen strategies through the chosen APIs", () => {
    const plans = planSelection({
      workloads: ["add-i32", "host-nop"],
      strategies: ["funcstorage", "typed-func"],
      apis: ["native"],
      budget: "glance",
    });
    expect(plans.map((p) => p.workload.name)).toEqual(["add-i32", "host-nop"]);
    expect(keys(plans[0]?.ids ?? [])).toEqual([
      "raw/native",
      "funcstorage/native",
      "typed-func/native",
    ]);
    expect(keys(plans[1]?.ids ?? [])).toEqual(["raw/native", "typed-func/native"]);
  });

  it("takes the Caller alone when only it is chosen, the host APIs as native ones", () => {
    const [addI32, hostNop] = planSelection({
      workloads: ["add-i32", "host-nop"],
      strategies: ["baseline", "runtime"],
      apis: ["caller"],
      budget: "glance",
    });
    expect(keys(addI32?.ids ?? [])).toEqual(["raw/native", "baseline/caller"]);
    expect(keys(hostNop?.ids ?? [])).toEqual(["raw/native"]);
  });

  it("leaves out a workload with no contestant", () => {
    const plans = planSelection({
      workloads: ["v128-add"],
      strategies: [],
      apis: ["native"],
      budget: "glance",
    });
    expect(plans).toEqual([]);
  });
});

describe("browserRuntime", () => {
  it("names the browser and its version from the user agent", () => {
    expect(
      browserRuntime(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/150.0.7871.100 Safari/537.36",
      ),
    ).toEqual({ name: "chromium", version: "150.0.7871.100" });
    expect(
      browserRuntime("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"),
    ).toEqual({ name: "firefox", version: "140.0" });
    expect(browserRuntime("SomethingElse/1")).toEqual({
      name: "browser",
      version: "SomethingElse/1",
    });
  });
});
