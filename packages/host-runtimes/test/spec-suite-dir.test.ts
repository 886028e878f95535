import { describe, expect, it } from "vitest";
import { specSuiteDir } from "../dist/index.js";

describe("specSuiteDir", () => {
  it("is ../shared/wasm-spec-2.0 from the repository root by default", () => {
    expect(specSuiteDir({}, "/work/repo")).toBe("/work/shared/wasm-spec-2.0");
    expect(specSuiteDir({ WASM_SPEC_DIR: "" }, "/work/repo")).toBe("/work/shared/wasm-spec-2.0");
  });

  it("takes WASM_SPEC_DIR, a relative one from the repository root", () => {
    expect(specSuiteDir({ WASM_SPEC_DIR: "suite" }, "/work/repo")).toBe("/work/repo/suite");
    expect(specSuiteDir({ WASM_SPEC_DIR: "/abs/suite" }, "/work/repo")).toBe("/abs/suite");
  });
});
