import { RUNTIME_NAMES } from "@wasmcall/host-runtimes";
import { describe, expect, it } from "vitest";
import { parseOptions } from "../src/options.js";

describe("parseOptions", () => {
  it("defaults to a full run of everything, writing no file", () => {
    expect(parseOptions([])).toEqual({
      quick: false,
      filter: undefined,
      runtimes: ["node"],
      json: undefined,
      report: undefined,
      help: false,
    });
  });

  it("reads every option, ignoring the -- that pnpm passes on", () => {
    const options = parseOptions([
      "--",
      "--quick",
      "--filter",
      "^add-i32/",
      "--json",
      "out.json",
      "--report",
      "out.html",
    ]);
    expect(options.quick).toBe(true);
    expect(options.filter?.source).toBe("^add-i32\\/");
    expect(options.json).toBe("out.json");
    expect(options.report).toBe("out.html");
  });

  it("reads the runtimes, a list or all", () => {
    expect(parseOptions(["--runtime", "bun,firefox"]).runtimes).toEqual(["bun", "firefox"]);
    expect(parseOptions(["--runtime", "all"]).runtimes).toEqual([...RUNTIME_NAMES]);
  });

  it("refuses an unknown option, a bad filter and an unknown runtime", () => {
    expect(() => parseOptions(["--fast"])).toThrow(TypeError);
    expect(() => parseOptions(["--filter", "("])).toThrow(SyntaxError);
    expect(() => parseOptions(["--runtime", "node,safari"])).toThrow(/unknown runtime "safari"/);
  });
});
