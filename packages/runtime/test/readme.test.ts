import { readFileSync } from "node:fs";
import * as coreTypes from "@wasmcall/core-types";
import * as runtime from "@wasmcall/runtime";
import { TYPECHECK_TIMEOUT, typecheckReadmeExample } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

const README = new URL("../README.md", import.meta.url);
const MODULES: Record<string, unknown> = {
  "@wasmcall/core-types": coreTypes,
  "@wasmcall/runtime": runtime,
};

type Body = (
  modules: Record<string, unknown>,
  console: { log: (...a: unknown[]) => void },
) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => Body;

/** The README's first ```ts block. */
function firstTsBlock(): string {
  const text = readFileSync(README, "utf8");
  const match = /^```ts\n([\s\S]*?)^```$/m.exec(text);
  if (match === null) throw new Error("README.md has no ```ts block");
  return match[1] as string;
}

/** Turns `import { a, b } from "pkg";` into `const { a, b } = modules["pkg"];`. */
function withoutImports(code: string): string {
  return code.replace(
    /^import\s*\{([^}]*)\}\s*from\s*"([^"]+)";?$/gm,
    (_, names: string, from: string) => {
      if (!(from in MODULES)) throw new Error(`the example imports an unknown module ${from}`);
      return `const {${names}} = modules[${JSON.stringify(from)}];`;
    },
  );
}

/** What each `console.log(...); // expected` line of the example says it prints, in order. */
function expectedOutput(code: string): string[] {
  const out: string[] = [];
  for (const line of code.split("\n")) {
    const m = /console\.log\(.*\);?\s*\/\/\s*(.*)$/.exec(line);
    if (m) out.push((m[1] as string).trim());
  }
  return out;
}

describe("README", () => {
  it("runs its first example, which prints what its comments say", async () => {
    const code = firstTsBlock();
    expect(code).toMatch(/from "@wasmcall\/runtime"/);
    const body = withoutImports(code);
    expect(body).not.toMatch(/^\s*import\b/m);
    const logged: string[] = [];
    const console = { log: (...args: unknown[]) => logged.push(args.map(String).join(" ")) };
    await new AsyncFunction("modules", "console", body)(MODULES, console);
    const expected = expectedOutput(code);
    expect(expected.length).toBeGreaterThan(3);
    expect(logged).toEqual(expected);
  });
});

it(
  "type-checks the README's first example under strict",
  async () => {
    await typecheckReadmeExample(new URL("../README.md", import.meta.url), {
      packageDir: new URL("..", import.meta.url),
    });
  },
  TYPECHECK_TIMEOUT,
);
