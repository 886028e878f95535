import type { StrategyUsage } from "./strategy-usage.js";

/** A file of a consumer project: its name and content. */
export type ConsumerFiles = Readonly<Record<string, string>>;

/** The TypeScript settings the consumer check compiles with, by tsconfig file name. */
export const TSCONFIGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "tsconfig.json": { module: "nodenext", moduleResolution: "nodenext" },
  "tsconfig.node16.json": { module: "node16", moduleResolution: "node16" },
  "tsconfig.bundler.json": { module: "preserve", moduleResolution: "bundler" },
};

/** The files {@link consumerFiles} writes that Node runs: an ES module and a CommonJS one. */
export const SCRIPTS = ["esm.mjs", "cjs.cjs"] as const;

/** The file {@link consumerFiles} writes for a bundler: the ES module's code, nothing else. */
export const BUNDLE_ENTRY = "bundle-entry.mjs";

// biome-ignore format: one line per section of the module
const ADD_WASM = [
  "0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00", // "\0asm", version 1
  "0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f", // type 0 = (i32, i32) -> i32
  "0x03, 0x02, 0x01, 0x00", // function 0 of type 0
  "0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00", // export "add" = function 0
  "0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b", // add: a + b
];

/** The import lines of a consumer of `strategyName`, as ES imports. */
function importLines(strategyName: string, usage: StrategyUsage): string[] {
  return [
    'import { Val } from "@wasmcall/core-types";',
    'import { Engine, Instance, Module, Store } from "@wasmcall/runtime";',
    `import { ${usage.imports.join(", ")} } from "${strategyName}";`,
  ];
}

/** The same imports as `require` calls. */
function requireLines(strategyName: string, usage: StrategyUsage): string[] {
  return [
    'const { Val } = require("@wasmcall/core-types");',
    'const { Engine, Instance, Module, Store } = require("@wasmcall/runtime");',
    `const { ${usage.imports.join(", ")} } = require("${strategyName}");`,
  ];
}

/**
 * The code every consumer runs after its imports: an instance of a module exporting `add`,
 * the strategy's own call and its `Caller`, each result checked. JavaScript and TypeScript.
 */
function body(usage: StrategyUsage): string[] {
  return [
    `const bytes = new Uint8Array([\n  ${ADD_WASM.join(",\n  ")},\n]);`,
    "const engine = new Engine();",
    "const store = new Store(engine);",
    'const add = new Instance(store, new Module(engine, bytes), []).getFunc("add");',
    'if (add === undefined) throw new Error("the module exports no function add");',
    usage.ownCall,
    "const results = [Val.cell()];",
    "const caller = strategy.prepare(store, add);",
    "caller.call([Val.i32(2), Val.i32(3)], results);",
    "const viaCaller = results[0].i32();",
    "if (own !== 42 || viaCaller !== 5) {",
    '  throw new Error("expected 42 and 5, got " + own + " and " + viaCaller);',
    "}",
  ];
}

/**
 * A check, for the scripts, that `specifier` resolved to the module system's own build:
 * `dist/index.js` for `import`, `dist/cjs/index.js` for `require`.
 */
function resolvedCheck(specifier: string, resolved: string, expected: string): string[] {
  return [
    `if (!${resolved}.endsWith("${expected}")) {`,
    `  throw new Error(\`${specifier} resolved to \${${resolved}}, not ${expected}\`);`,
    "}",
  ];
}

/**
 * The files of a consumer project of the strategy package `strategyName` (besides
 * `node_modules`, which npm installs): package.json, an ES module and a CommonJS script that
 * call `add` through the strategy and throw unless the results are right and each module
 * system loaded its own build, the ES module's call alone as the entry of a bundle
 * ({@link BUNDLE_ENTRY}), a TypeScript module and a CommonJS TypeScript module using the
 * typed API (each with a `// @ts-expect-error` that only the package's declarations satisfy),
 * and the tsconfig files of {@link TSCONFIGS}.
 */
export function consumerFiles(strategyName: string, usage: StrategyUsage): ConsumerFiles {
  const names = ["@wasmcall/core-types", "@wasmcall/runtime", strategyName];
  const esm = [
    ...importLines(strategyName, usage),
    ...body(usage),
    ...names.flatMap((name) =>
      resolvedCheck(name, `import.meta.resolve("${name}")`, "/dist/index.js"),
    ),
  ];
  const cjs = [
    '"use strict";',
    ...requireLines(strategyName, usage),
    ...body(usage),
    ...names.flatMap((name) =>
      resolvedCheck(name, `require.resolve("${name}")`, "/dist/cjs/index.js"),
    ),
  ];
  const typed = [
    'import type { Caller } from "@wasmcall/core-types";',
    ...importLines(strategyName, usage),
    ...body(usage),
    "const typedCaller: Caller = caller;",
    "const total: number = own + viaCaller + typedCaller.type.params.length;",
    "// @ts-expect-error the strategy's own API takes what its declarations say, nothing else",
    usage.misuse,
    "// @ts-expect-error a Caller takes Vals, not numbers",
    "caller.call([2, 3], results);",
    "export { total };",
  ];
  const files: Record<string, string> = {
    "package.json": `${JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2)}\n`,
    "esm.mjs": `${esm.join("\n")}\n`,
    "cjs.cjs": `${cjs.join("\n")}\n`,
    [BUNDLE_ENTRY]: `${[...importLines(strategyName, usage), ...body(usage)].join("\n")}\n`,
    "typed.ts": `${typed.join("\n")}\n`,
    "typed-require.cts": `${typed.join("\n")}\n`,
  };
  for (const [file, modules] of Object.entries(TSCONFIGS)) {
    const compilerOptions = {
      ...modules,
      strict: true,
      target: "es2022",
      lib: ["es2022", "dom"],
      types: [],
      noEmit: true,
      skipLibCheck: false,
    };
    files[file] =
      `${JSON.stringify({ compilerOptions, files: ["typed.ts", "typed-require.cts"] }, null, 2)}\n`;
  }
  return files;
}
