import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    // The allocation measurement runs the collector: gc() must exist in the test workers.
    execArgv: ["--expose-gc"],
  },
});
