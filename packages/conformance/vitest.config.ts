import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    // Every test runs twice: with the calls generated per signature (the default), and with
    // the closures a host that refuses `new Function` gets.
    projects: [
      { extends: true, test: { name: "generated" } },
      { extends: true, test: { name: "closures", env: { WASMCALL_CODEGEN: "off" } } },
    ],
  },
});
