import { describe, expect, it } from "vitest";
import { parseOptions } from "../src/options.js";

const parse = (argv: string[], env: Record<string, string> = {}) =>
  parseOptions(argv, env, "/repo/apps/spec", "/repo");

describe("parseOptions", () => {
  it("defaults to every strategy over ../shared/wasm-spec-2.0 from the repository root", () => {
    expect(parse([])).toEqual({
      dir: "/shared/wasm-spec-2.0",
      strategy: "all",
      only: [],
      verbose: false,
      maxFailures: 20,
      json: undefined,
      help: false,
    });
  });

  it("takes WASM_SPEC_DIR from the repository root, --dir and --json from the current directory", () => {
    expect(parse([], { WASM_SPEC_DIR: "suite" }).dir).toBe("/repo/suite");
    expect(parse([], { WASM_SPEC_DIR: "/abs/suite" }).dir).toBe("/abs/suite");
    const options = parse(["--dir", "../x", "--json", "out.json"], { WASM_SPEC_DIR: "/abs" });
    expect(options.dir).toBe("/repo/apps/x");
    expect(options.json).toBe("/repo/apps/spec/out.json");
  });

  it("takes a runtime of the matrix by name, and refuses any other", () => {
    expect(parse([]).runtime).toBeUndefined();
    expect(parse(["--runtime", "node26"]).runtime).toBe("node26");
    expect(parse(["--runtime", "firefox"]).runtime).toBe("firefox");
    expect(() => parse(["--runtime", "safari"])).toThrow(/unknown runtime "safari"/);
  });

  it("ignores the -- separators pnpm forwards and keeps script names", () => {
    const options = parse(["--", "--", "--strategy", "baseline", "--verbose", "i32", "f32"]);
    expect(options.strategy).toBe("baseline");
    expect(options.verbose).toBe(true);
    expect(options.only).toEqual(["i32", "f32"]);
  });

  it("refuses unknown options and a bad --max-failures", () => {
    expect(() => parse(["--nope"])).toThrow();
    expect(() => parse(["--max-failures=-1"])).toThrow(/whole number/);
    expect(() => parse(["--max-failures", "x"])).toThrow(/whole number/);
    expect(parse(["--max-failures", "0"]).maxFailures).toBe(0);
  });
});
