import { RUNTIME_NAMES } from "@wasmcall/host-runtimes";
import { describe, expect, it } from "vitest";
import { parseOptions } from "../src/options.js";

const ROOT = "/repo";

describe("parseOptions", () => {
  it("runs every runtime and both suites by default, the spec folder beside the repository", () => {
    const options = parseOptions([], {}, "/repo/apps/matrix", ROOT);
    expect(options.runtimes).toEqual(RUNTIME_NAMES);
    expect(options.skipSpec).toBe(false);
    expect(options.dir).toBe("/shared/wasm-spec-2.0");
    expect(options.dir3).toBe("/shared/wasm-spec-3.0");
    expect(options.conformanceGuest).toBe("/repo/packages/conformance/dist/guest.js");
    expect(options.specGuest).toBe("/repo/apps/spec/dist/guest.js");
    expect(options.json).toBeUndefined();
    expect(options.timeoutMs).toBe(600_000);
    expect(options.maxFailures).toBe(5);
  });

  it("reads the runtime list, --skip-spec and --json (relative to the current directory)", () => {
    const options = parseOptions(
      ["--", "--runtime", "bun,node", "--skip-spec", "--json", "out.json"],
      {},
      "/work",
      ROOT,
    );
    expect(options.runtimes).toEqual(["bun", "node"]);
    expect(options.skipSpec).toBe(true);
    expect(options.json).toBe("/work/out.json");
  });

  it("takes the spec folder from --dir, else WASM_SPEC_DIR from the repository root", () => {
    expect(parseOptions(["--dir", "suite"], { WASM_SPEC_DIR: "/x" }, "/work", ROOT).dir).toBe(
      "/work/suite",
    );
    expect(parseOptions([], { WASM_SPEC_DIR: "spec" }, "/work", ROOT).dir).toBe("/repo/spec");
  });

  it("takes the 3.0 suite from --dir3, else WASM_SPEC3_DIR from the repository root", () => {
    expect(parseOptions(["--dir3", "three"], {}, "/work", ROOT).dir3).toBe("/work/three");
    expect(parseOptions([], { WASM_SPEC3_DIR: "s3" }, "/work", ROOT).dir3).toBe("/repo/s3");
  });

  it("refuses an unknown runtime, an unknown option and a bad number", () => {
    expect(() => parseOptions(["--runtime", "safari"], {}, "/", ROOT)).toThrow(
      'unknown runtime "safari"',
    );
    expect(() => parseOptions(["--fast"], {}, "/", ROOT)).toThrow("--fast");
    expect(() => parseOptions(["--timeout", "0"], {}, "/", ROOT)).toThrow(
      "--timeout needs a whole number of at least 1, got 0",
    );
  });
});
