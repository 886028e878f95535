import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";
import { fileSource } from "../src/file-source.js";
import { SuiteNotFoundError } from "../src/suite-not-found-error.js";

describe("a suite folder that does not exist", () => {
  it("is a SuiteNotFoundError naming the folder, how to pass another and where to get it", async () => {
    const missing = join(tmpdir(), "no-such-wasm-spec-suite");
    const error = await fileSource(missing)
      .files()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SuiteNotFoundError);
    expect((error as SuiteNotFoundError).dir).toBe(missing);
    const message = (error as Error).message;
    expect(message).toContain(`no spec testsuite at ${missing}`);
    expect(message).toContain("--dir DIR");
    expect(message).toContain("WASM_SPEC_DIR");
    expect(message).toContain("https://github.com/WebAssembly/testsuite");
    expect(message).not.toContain("ENOENT");
  });

  it("is a file, not a folder: the same error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-suite-"));
    try {
      const file = join(dir, "suite.json");
      writeFileSync(file, "{}");
      await expect(fileSource(file).files()).rejects.toThrow(SuiteNotFoundError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("makes the command line print that message and exit 2", async () => {
    const missing = join(tmpdir(), "no-such-wasm-spec-suite");
    const errors: string[] = [];
    const status = await runCli(
      ["--dir", missing],
      {},
      { out: () => {}, err: (line) => errors.push(line) },
    );
    expect(status).toBe(2);
    expect(errors.join("\n")).toContain(`no spec testsuite at ${missing}`);
    expect(errors.join("\n")).toContain("https://github.com/WebAssembly/testsuite");
  });
});
