import { describe, expect, it } from "vitest";
import { parseRuntimeList, RUNTIME_NAMES, runtimeInfo } from "../dist/index.js";

describe("parseRuntimeList", () => {
  it("reads names separated by commas, in order, without duplicates or spaces", () => {
    expect(parseRuntimeList("bun, node ,bun,firefox")).toEqual(["bun", "node", "firefox"]);
  });

  it("reads all as every runtime", () => {
    expect(parseRuntimeList("all")).toEqual([...RUNTIME_NAMES]);
    expect(RUNTIME_NAMES).toEqual([
      "node",
      "node22",
      "node24",
      "node26",
      "bun",
      "deno",
      "chromium",
      "firefox",
    ]);
  });

  it("names an unknown runtime and the known ones", () => {
    expect(() => parseRuntimeList("node,safari")).toThrow(
      'unknown runtime "safari": expected "all" or some of node, node22, node24, node26, bun, deno, chromium, firefox',
    );
  });

  it("refuses an empty list", () => {
    expect(() => parseRuntimeList(" , ")).toThrow('no runtime in " , "');
  });
});

describe("runtimeInfo", () => {
  it("tells each runtime's engine and kind", () => {
    expect(runtimeInfo("node24")).toEqual({ name: "node24", engine: "V8", kind: "process" });
    expect(runtimeInfo("bun")).toEqual({ name: "bun", engine: "JavaScriptCore", kind: "process" });
    expect(runtimeInfo("deno")).toEqual({ name: "deno", engine: "V8", kind: "process" });
    expect(runtimeInfo("chromium")).toEqual({ name: "chromium", engine: "V8", kind: "browser" });
    expect(runtimeInfo("firefox")).toEqual({
      name: "firefox",
      engine: "SpiderMonkey",
      kind: "browser",
    });
  });
});
