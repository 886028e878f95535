/// <reference types="node" />
import { readFile } from "node:fs/promises";
import { format } from "node:util";
import { transform } from "esbuild";
import { firstTsBlock } from "./ts-block.js";

/** One `console.log(...); // output` line of an example: what it must print. */
export interface ExpectedOutput {
  /** The line as the README writes it, for error messages. */
  readonly line: string;
  /** What the line's `console.log` must print (as `console.log` formats its arguments). */
  readonly output: string;
}

/** A README example made runnable by {@link readmeExample}. */
export interface ReadmeExample {
  /**
   * The body of an async function: the example with its import lines turned into
   * `const { a, b } = await importModule("pkg");` and each annotated `console.log(` into a
   * recording call.
   */
  readonly code: string;
  /** What each annotated line must print, in the order the lines appear. */
  readonly expected: readonly ExpectedOutput[];
}

/** Options of {@link runReadmeExample}. */
export interface RunReadmeExampleOptions {
  /**
   * Loads the module an import line names. Pass `(specifier) => import(specifier)` from the
   * test file: code made with the `Function` constructor cannot `import()` under vitest, and
   * this way the example gets the same module instances as the test.
   */
  readonly importModule: (specifier: string) => Promise<unknown>;
  /** Values the example uses without importing them, by name (say, a `wat` assembler). */
  readonly inject?: Readonly<Record<string, unknown>>;
}

/** The parameter names the example's rewritten code calls; an `inject` name must differ. */
const IMPORT = "__importModule";
const EXPECT_LOG = "__expectLog";

const NAMED_IMPORT = /^import\s*\{([^}]*)\}\s*from\s*("[^"]+"|'[^']+')\s*;?[ \t]*$/gm;
const NAMESPACE_IMPORT = /^import\s*\*\s*as\s+(\w+)\s+from\s*("[^"]+"|'[^']+')\s*;?[ \t]*$/gm;
const ANNOTATED_LOG = /^(.*?\bconsole\.log\(.*?)\s*\/\/ (.+)$/;

/**
 * Makes the first ```ts block of `markdown` runnable as the body of an async function (still
 * TypeScript: {@link runReadmeExample} strips the types). Its import lines may be named imports
 * (`import { a, b as c } from "pkg";`, on one line or several) or namespace imports
 * (`import * as ns from "pkg";`). A line that calls `console.log(...)` and ends with a comment
 * `// text` asserts that the call prints `text` (the comment starts at the first `// ` after
 * `console.log(`, so the logged expression must not hold one).
 *
 * @throws {Error} when there is no ```ts block or it holds another kind of import.
 *
 * @example
 * ```ts
 * readmeExample('```ts\nimport { x } from "m";\nconsole.log(x); // 1\n```').code;
 * // 'const { x } = await __importModule("m");\n__expectLog(0, x);\n'
 * ```
 */
export function readmeExample(markdown: string): ReadmeExample {
  const imported = firstTsBlock(markdown)
    .replace(NAMED_IMPORT, (_, names: string, specifier: string) => {
      const bindings = names.replace(/\s+as\s+/g, ": ").trim();
      return `const { ${bindings} } = await ${IMPORT}(${specifier});`;
    })
    .replace(NAMESPACE_IMPORT, (_, name: string, specifier: string) => {
      return `const ${name} = await ${IMPORT}(${specifier});`;
    });
  const unsupported = /^\s*import\b(?!\s*\()[^\n]*/m.exec(imported);
  if (unsupported) throw new Error(`unsupported import in the README example: ${unsupported[0]}`);
  const expected: ExpectedOutput[] = [];
  const code = imported
    .split("\n")
    .map((line) => {
      const match = ANNOTATED_LOG.exec(line);
      if (!match) return line;
      const [, statement, output] = match as unknown as [string, string, string];
      const call = statement.replace("console.log(", `${EXPECT_LOG}(${expected.length}, `);
      expected.push({ line: line.trim(), output: output.trim() });
      return call;
    })
    .join("\n");
  return { code, expected };
}

type AsyncFunctionConstructor = new (
  ...params: string[]
) => (...args: unknown[]) => Promise<unknown>;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as AsyncFunctionConstructor;

/**
 * Runs the first ```ts block of the README at `readmePath` (see {@link readmeExample}) and
 * checks that every annotated `console.log` line ran and printed what its comment says.
 * Resolves to the number of lines checked.
 *
 * @throws {Error} when the example throws (its error, unchanged), or an annotated line printed
 * something else or never ran (every such line is listed).
 *
 * @example
 * ```ts
 * const checked = await runReadmeExample(new URL("../README.md", import.meta.url), {
 *   importModule: (specifier) => import(specifier),
 *   inject: { wat },
 * });
 * ```
 */
export async function runReadmeExample(
  readmePath: string | URL,
  options: RunReadmeExampleOptions,
): Promise<number> {
  const { code: ts, expected } = readmeExample(await readFile(readmePath, "utf8"));
  // The example is TypeScript (see `typecheckReadmeExample`): its types are stripped to run it.
  const { code } = await transform(ts, { loader: "ts" });
  const printed: string[][] = expected.map(() => []);
  const expectLog = (index: number, ...args: unknown[]): void => {
    printed[index]?.push(format(...args));
  };
  const inject = options.inject ?? {};
  const run = new AsyncFunction(IMPORT, EXPECT_LOG, ...Object.keys(inject), code);
  await run(options.importModule, expectLog, ...Object.values(inject));
  const failures = expected.flatMap(({ line, output }, i) => {
    const outputs = printed[i] ?? [];
    if (outputs.length === 0) return [`never ran: ${line}`];
    return outputs
      .filter((actual) => actual !== output)
      .map((actual) => `printed ${JSON.stringify(actual)}: ${line}`);
  });
  if (failures.length > 0) {
    throw new Error(`README example (${readmePath}):\n  ${failures.join("\n  ")}`);
  }
  return expected.length;
}
