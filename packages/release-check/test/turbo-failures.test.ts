import { describe, expect, it } from "vitest";
import { type TurboSummary, turboFailures } from "../../../scripts/turbo-failures.mjs";

const task = (pkg: string, name: string, exitCode: number | null) => ({
  taskId: `${pkg}#${name}`,
  task: name,
  package: pkg,
  execution: { exitCode },
});

/** A run where a lint, a typecheck and two test tasks failed, and a build passed. */
const summary: TurboSummary = {
  tasks: [
    task("@wasmcall/runtime", "lint", 1),
    task("@wasmcall/bench", "typecheck", 2),
    task("@wasmcall/runtime", "build", 0),
    task("@wasmcall/runtime", "test", 1),
    task("@wasmcall/spec", "test", 1),
    { taskId: "@wasmcall/spec#build", task: "build", package: "@wasmcall/spec" },
  ],
};

describe("the test command's lines for failed turbo tasks", () => {
  it("names every failed lint and typecheck task, which no test report counts", () => {
    expect(turboFailures(summary, new Set(["@wasmcall/runtime", "@wasmcall/spec"]))).toEqual([
      "@wasmcall/runtime#lint: exited with code 1",
      "@wasmcall/bench#typecheck: exited with code 2",
    ]);
  });

  it("names a failed test task whose report counted no failure (it crashed before writing one)", () => {
    expect(turboFailures(summary, new Set(["@wasmcall/runtime"]))).toEqual([
      "@wasmcall/runtime#lint: exited with code 1",
      "@wasmcall/bench#typecheck: exited with code 2",
      "@wasmcall/spec#test: exited with code 1",
    ]);
  });
});
