// Processes started together (test files run in parallel) must never install runtimes over
// each other: `npm ci` empties node_modules first, so a second install under a running one
// removes binaries the first is about to use.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

const LOCK = join(tmpdir(), "wasmcall-runtime-install.lock");
const DIST = new URL("../dist/index.js", import.meta.url).href;

let project: string;

/** A runtimes project whose `node22` is a local package with a fake `bin/node`. */
function fakeRuntimesProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "wasmcall-fake-runtimes-"));
  const pkg = join(dir, "fake-node22");
  mkdirSync(join(pkg, "bin"), { recursive: true });
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "node22", version: "22.0.0" }));
  writeFileSync(join(pkg, "bin", "node"), "#!/bin/sh\necho v22.0.0-fake\n");
  chmodSync(join(pkg, "bin", "node"), 0o755);
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: "fake-runtimes",
      private: true,
      dependencies: { node22: "file:fake-node22" },
    }),
  );
  const lock = spawnSync("npm", ["install", "--package-lock-only", "--no-audit", "--no-fund"], {
    cwd: dir,
    encoding: "utf8",
  });
  if (lock.status !== 0) throw new Error(`npm could not write the lock file: ${lock.stderr}`);
  return dir;
}

/** Installs `project`'s packages without marking the install complete: as an install halfway. */
function installHalfway(): void {
  const ci = spawnSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], {
    cwd: project,
    encoding: "utf8",
  });
  if (ci.status !== 0) throw new Error(`npm ci failed: ${ci.stderr}`);
}

/** Starts a process that ensures `node22` from `project` and prints its version. */
function ensureInChild(): Promise<{ code: number | null; output: string }> {
  const script = `const { ensureRuntime } = await import(${JSON.stringify(DIST)});
console.log((await ensureRuntime("node22")).version);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, WASMCALL_RUNTIMES_DIR: project },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

beforeAll(() => {
  project = fakeRuntimesProject();
}, 60_000);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

it("waits for another process's install, though the binary is there already", async () => {
  installHalfway();
  mkdirSync(LOCK);
  let finished = false;
  const child = ensureInChild().finally(() => {
    finished = true;
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(finished).toBe(false);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  const { code, output } = await child;
  expect(output.trim()).toBe("v22.0.0-fake");
  expect(code).toBe(0);
}, 60_000);

it("lets processes started together all get the runtime", async () => {
  rmSync(join(project, "node_modules"), { recursive: true, force: true });
  const results = await Promise.all([ensureInChild(), ensureInChild(), ensureInChild()]);
  for (const { code, output } of results) {
    expect(output.trim()).toBe("v22.0.0-fake");
    expect(code).toBe(0);
  }
}, 60_000);
