import { describe, expect, it } from "vitest";
import { browserRuntime, fullBrowserRuntime } from "../src/web/browser-runtime.js";
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
      "raw/apply",
      "raw/spread",
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
    expect(keys(addI32?.ids ?? [])).toEqual([
      "raw/native",
      "raw/apply",
      "raw/spread",
      "baseline/caller",
    ]);
    expect(keys(hostNop?.ids ?? [])).toEqual(["raw/native"]);
  });

  it("takes the closures of the chosen strategies that have them", () => {
    const [addI32] = planSelection({
      workloads: ["add-i32"],
      strategies: ["store-amortized", "typed-func"],
      apis: ["closures"],
      budget: "glance",
    });
    expect(keys(addI32?.ids ?? [])).toEqual([
      "raw/native",
      "raw/apply",
      "raw/spread",
      "store-amortized/closures",
    ]);
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

describe("fullBrowserRuntime", () => {
  const chrome =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36";

  it("takes Chromium's full version from userAgentData", async () => {
    const data = {
      getHighEntropyValues: async () => ({
        fullVersionList: [
          { brand: "Not A Brand", version: "99.0.0.0" },
          { brand: "Chromium", version: "150.0.7871.100" },
        ],
      }),
    };
    expect(await fullBrowserRuntime(chrome, data)).toEqual({
      name: "chromium",
      version: "150.0.7871.100",
    });
  });

  it("keeps the user agent's version where there is no userAgentData", async () => {
    expect(await fullBrowserRuntime(chrome, undefined)).toEqual({
      name: "chromium",
      version: "150.0.0.0",
    });
  });
});
