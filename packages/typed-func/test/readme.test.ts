// Keeps README.md honest: runs its first ```ts example against the built packages and checks
// that every `console.log(...); // output` line prints that output, in order.
import { readFile } from "node:fs/promises";
import { TYPECHECK_TIMEOUT, typecheckReadmeExample } from "@wasmcall/test-support";
import { expect, it } from "vitest";

type AsyncFunctionConstructor = new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as AsyncFunctionConstructor;

/**
 * The README's first ```ts block, its `import { a, b } from "pkg"` lines made dynamic:
 * `const { a, b } = await importModule("pkg")`. (A bare `import()` inside a function made from
 * text has no module to resolve from under vitest, so the test passes its own.)
 */
async function example(): Promise<string> {
  const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error("README.md has no ```ts block");
  return block.replace(
    /^import \{([^}]*)\} from "([^"]+)";$/gm,
    (_, names: string, specifier: string) =>
      `const {${names}} = await importModule("${specifier}");`,
  );
}

it("runs the README's example, every commented output as printed", async () => {
  const code = await example();
  const expected = [...code.matchAll(/console\.log\(.*\);? \/\/ (.*)$/gm)].map((m) => m[1]);
  const printed: string[] = [];
  const console = {
    log: (...args: unknown[]) => printed.push(args.map((a) => String(a)).join(" ")),
  };
  const importModule = (specifier: string) => import(specifier);
  await new AsyncFunction("console", "importModule", code)(console, importModule);
  expect(expected.length).toBe(6);
  expect(printed).toEqual(expected);
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
