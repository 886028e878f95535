import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findRepoRoot } from "../dist/index.js";

describe("findRepoRoot", () => {
  it("finds the folder holding pnpm-workspace.yaml at or above the one given", () => {
    const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
    expect(existsSync(join(root, "pnpm-workspace.yaml"))).toBe(true);
    expect(findRepoRoot(root)).toBe(root);
    expect(existsSync(join(root, "packages", "host-runtimes"))).toBe(true);
  });

  it("says where it looked when no folder above holds one", () => {
    expect(() => findRepoRoot("/")).toThrow("no pnpm-workspace.yaml at or above /");
  });
});
