/**
 * How a consumer uses one strategy package: the code the consumer check runs and typechecks
 * around it (see `consumer-files.ts`). Each piece runs where `engine`, `store`, `add` (the
 * export `add`, `(i32, i32) -> i32`, of a fresh instance) and `Val` are in scope.
 */
export interface StrategyUsage {
  /** The names imported from the strategy package; `strategy` is always among them. */
  readonly imports: readonly string[];
  /**
   * Statements that add 40 and 2 through the package's own API, leaving the sum in a
   * `const own` (a number). Plain JavaScript that is also strict TypeScript.
   */
  readonly ownCall: string;
  /**
   * One statement that misuses the package's own API in a way only its type declarations can
   * catch: the TypeScript check puts `// @ts-expect-error` above it, so it fails when the
   * declarations are missing or wrong (the error is then "unused").
   */
  readonly misuse: string;
}

/** Every strategy package the consumer check covers, by package name. */
export const STRATEGY_USAGE: Readonly<Record<string, StrategyUsage>> = {
  "@wasmcall/strategy-baseline": {
    imports: ["call", "strategy"],
    ownCall: "const own = call(store, add, [Val.i32(40), Val.i32(2)])[0].i32();",
    misuse: "call(store, add, [40, 2]);",
  },
  "@wasmcall/strategy-funcstorage": {
    imports: ["callWithStorage", "FuncStorage", "strategy"],
    ownCall: [
      "const storage = new FuncStorage(engine, add.ty());",
      "const sum = [Val.cell()];",
      "callWithStorage(store, add, storage, [Val.i32(40), Val.i32(2)], sum);",
      "const own = sum[0].i32();",
    ].join("\n"),
    misuse: "callWithStorage(store, add, storage, [40, 2], sum);",
  },
  "@wasmcall/strategy-store-amortized": {
    imports: ["call", "strategy"],
    ownCall: [
      "const sum = [Val.cell()];",
      "call(store, add, [Val.i32(40), Val.i32(2)], sum);",
      "const own = sum[0].i32();",
    ].join("\n"),
    misuse: "call(store, add, [40, 2], sum);",
  },
  "@wasmcall/typed-func": {
    imports: ["strategy", "typed"],
    ownCall: 'const own = typed(add, ["i32", "i32"], ["i32"]).call(40, 2);',
    misuse: 'typed(add, ["i32", "i32"], ["i32"]).call("40", 2);',
  },
};
