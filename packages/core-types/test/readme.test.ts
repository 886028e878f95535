/// <reference types="node" />
// Keeps README.md honest: runs its first ```ts example against the built package, and checks its
// tables of error classes and trap codes against the code.
import { readFileSync } from "node:fs";
import * as coreTypes from "@wasmcall/core-types";
import {
  ArityMismatchError,
  CompileError,
  ExportNotFoundError,
  LinkError,
  StoreMismatchError,
  TRAP_MESSAGES,
  Trap,
  type TrapCode,
  TypeMismatchError,
  UnsupportedFeatureError,
  ValueRangeError,
  type WasmcallError,
} from "@wasmcall/core-types";
import { TYPECHECK_TIMEOUT, typecheckReadmeExample } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The first ```ts block of the README. */
function firstTsBlock(): string {
  const match = /^```ts\n([\s\S]*?)^```$/m.exec(readme);
  if (!match?.[1]) throw new Error("README.md has no ```ts block");
  return match[1];
}

/**
 * Turns the example into the body of a function: the import from the package becomes a
 * destructuring of `mod`, `expr; // => value` becomes `check(...)` and `expr; // throws Name`
 * becomes `throws(...)`. The example is written in the JavaScript subset of TypeScript, so no
 * other change is needed.
 */
function transform(source: string): { body: string; checks: number } {
  let checks = 0;
  const body = source
    .replace(
      /import\s*\{([^}]*)\}\s*from\s*"@wasmcall\/core-types";/g,
      (_, names: string) => `const {${names}} = mod;`,
    )
    .split("\n")
    .map((line) => {
      const value = /^(\s*)(.+?);\s*\/\/ => (.+)$/.exec(line);
      if (value) {
        checks++;
        const [, indent, expr, expected] = value;
        return `${indent}check(() => (${expr}), () => (${expected}), ${JSON.stringify(line.trim())});`;
      }
      const throws = /^(\s*)(.+?);\s*\/\/ throws (\w+)/.exec(line);
      if (throws) {
        checks++;
        const [, indent, expr, name] = throws;
        return `${indent}throws(() => { ${expr}; }, ${JSON.stringify(name)}, ${JSON.stringify(line.trim())});`;
      }
      return line;
    })
    .join("\n");
  return { body, checks };
}

/** The rows of every Markdown table in the README, as trimmed cells (any column alignment). */
function tableRows(): string[][] {
  return readme
    .split("\n")
    .filter((line) => /^\|.*\|\s*$/.test(line))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

/** The text inside a cell that is one code span (`` `X` ``), or undefined. */
function code(cell: string | undefined): string | undefined {
  return /^`([^`]+)`$/.exec(cell ?? "")?.[1];
}

describe("README.md", () => {
  it("has an example whose every annotated line holds", () => {
    const { body, checks } = transform(firstTsBlock());
    expect(checks).toBeGreaterThan(10);
    let ran = 0;
    const check = (actual: () => unknown, expected: () => unknown, line: string) => {
      ran++;
      expect(actual(), line).toStrictEqual(expected());
    };
    const throws = (run: () => unknown, name: string, line: string) => {
      ran++;
      const errorClass = (coreTypes as Record<string, unknown>)[name];
      expect(typeof errorClass, `${name} is exported`).toBe("function");
      expect(run, line).toThrow(errorClass as new (...args: never[]) => Error);
    };
    new Function("mod", "check", "throws", body)(coreTypes, check, throws);
    expect(ran, "every annotated line ran").toBe(checks);
  });

  it("lists every error class with its code", () => {
    const rows = tableRows()
      .filter((cells) => cells.length === 4 && /Error$|^Trap$/.test(code(cells[0]) ?? ""))
      .map((cells) => [code(cells[0]), code(cells[1])]);
    const made: Record<string, WasmcallError> = {
      TypeMismatchError: new TypeMismatchError("x", "i32", "i64"),
      ArityMismatchError: new ArityMismatchError("f", "arguments", 2, 3),
      ValueRangeError: new ValueRangeError("i32", 1.5, "not an integer"),
      StoreMismatchError: new StoreMismatchError("x"),
      Trap: new Trap("UNREACHABLE", "unreachable"),
      LinkError: new LinkError("m", "f", "missing"),
      CompileError: new CompileError("bad"),
      ExportNotFoundError: new ExportNotFoundError("f", "func", undefined, []),
      UnsupportedFeatureError: new UnsupportedFeatureError("Tag.create", "exception handling"),
    };
    expect(rows.map(([name]) => name).sort()).toEqual(Object.keys(made).sort());
    for (const [name, errorCode] of rows) expect(made[name as string]?.code, name).toBe(errorCode);

    // Every exported subclass of WasmcallError is in the table.
    const exported = Object.entries(coreTypes)
      .filter(([, value]) => typeof value === "function" && value.prototype instanceof Error)
      .map(([name]) => name)
      .filter((name) => name !== "WasmcallError");
    expect(exported.sort()).toEqual(Object.keys(made).sort());
  });

  it("lists every trap code with its spec messages", () => {
    const rows = tableRows()
      .filter((cells) => cells.length === 2 && /^[A-Z_]+$/.test(code(cells[0]) ?? ""))
      .map((cells) => [code(cells[0]) as TrapCode, cells[1] as string] as const);
    expect(rows.map(([trapCode]) => trapCode).sort()).toEqual(Object.keys(TRAP_MESSAGES).sort());
    for (const [trapCode, messages] of rows) {
      expect(messages, trapCode).toBe(TRAP_MESSAGES[trapCode].join(", "));
    }
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
