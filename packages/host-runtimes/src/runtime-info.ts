import type { RuntimeName } from "./runtime-name.js";

/** The JavaScript engine inside a runtime. */
export type EngineName = "V8" | "JavaScriptCore" | "SpiderMonkey";

/** What is known about a runtime before it runs. */
export interface RuntimeInfo {
  /** The runtime. */
  readonly name: RuntimeName;
  /** Its JavaScript (and WebAssembly) engine. */
  readonly engine: EngineName;
  /** `process`: a command run with the script; `browser`: a headless browser loading a page. */
  readonly kind: "process" | "browser";
}

const ENGINES: Record<RuntimeName, EngineName> = {
  node: "V8",
  node22: "V8",
  node24: "V8",
  node26: "V8",
  bun: "JavaScriptCore",
  deno: "V8",
  chromium: "V8",
  firefox: "SpiderMonkey",
};

/**
 * The engine and kind of runtime `name`.
 *
 * @example
 * ```ts
 * runtimeInfo("bun"); // { name: "bun", engine: "JavaScriptCore", kind: "process" }
 * ```
 */
export function runtimeInfo(name: RuntimeName): RuntimeInfo {
  const kind = name === "chromium" || name === "firefox" ? "browser" : "process";
  return { name, engine: ENGINES[name], kind };
}
