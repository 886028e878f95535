import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The tests run npm, pnpm and changesets in child processes, slow on a loaded machine.
    testTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
