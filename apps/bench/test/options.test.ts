import { describe, expect, it } from "vitest";
import { parseOptions } from "../src/options.js";

describe("parseOptions", () => {
  it("defaults to a full run of everything, writing no file", () => {
    expect(parseOptions([])).toEqual({
      quick: false,
      filter: undefined,
      json: undefined,
      report: undefined,
      help: false,
      worker: undefined,
      pass: 0,
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

  it("reads the worker's options", () => {
    expect(parseOptions(["--worker", "nop", "--pass", "2"])).toMatchObject({
      worker: "nop",
      pass: 2,
    });
  });

  it("refuses an unknown option and a bad filter", () => {
    expect(() => parseOptions(["--fast"])).toThrow(TypeError);
    expect(() => parseOptions(["--filter", "("])).toThrow(SyntaxError);
  });
});
