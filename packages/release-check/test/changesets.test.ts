import { describe, expect, it } from "vitest";
import { bumpVersion, largerBump, parseChangeset } from "../src/changesets.js";

describe("parseChangeset", () => {
  it("reads the releases and the summary", () => {
    const text = '---\n"@wasmcall/runtime": patch\ncore: minor\n---\n\nA fix.\nSecond line.\n';
    expect(parseChangeset("a", text)).toEqual({
      id: "a",
      releases: { "@wasmcall/runtime": "patch", core: "minor" },
      summary: "A fix.\nSecond line.",
    });
  });

  it("throws on a file that is not a changeset", () => {
    expect(() => parseChangeset("b", "no front matter")).toThrow(/b\.md has no front matter/);
    expect(() => parseChangeset("c", '---\n"x": huge\n---\ntext')).toThrow(/not a release/);
  });
});

describe("bumpVersion", () => {
  it("bumps as semver does", () => {
    expect(bumpVersion("0.0.0", "minor")).toBe("0.1.0");
    expect(bumpVersion("0.1.3", "patch")).toBe("0.1.4");
    expect(bumpVersion("0.1.3", "minor")).toBe("0.2.0");
    expect(bumpVersion("1.2.3", "major")).toBe("2.0.0");
    expect(() => bumpVersion("1.0.0-rc.1", "patch")).toThrow(/not a major.minor.patch/);
  });

  it("knows the larger bump", () => {
    expect(largerBump("patch", "minor")).toBe("minor");
    expect(largerBump("major", "minor")).toBe("major");
    expect(largerBump("patch", "patch")).toBe("patch");
  });
});
