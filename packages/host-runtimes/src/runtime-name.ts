/** Every runtime a guest bundle can run in, in the order the matrix lists them. */
export const RUNTIME_NAMES = [
  "node",
  "node22",
  "node24",
  "node26",
  "bun",
  "deno",
  "chromium",
  "firefox",
] as const;

/**
 * A runtime a guest can run in: `node` is the Node running the host; `node22`, `node24`,
 * `node26`, `bun` and `deno` are binaries from npm; `chromium` and `firefox` are the system's
 * browsers, driven headless.
 */
export type RuntimeName = (typeof RUNTIME_NAMES)[number];

/** The browsers among the {@link RuntimeName}s. */
export type BrowserName = "chromium" | "firefox";

/** Whether `name` is a {@link RuntimeName}. */
export function isRuntimeName(name: string): name is RuntimeName {
  return (RUNTIME_NAMES as readonly string[]).includes(name);
}

/**
 * Reads a list of runtimes: names separated by commas (spaces around them ignored, duplicates
 * dropped, order kept), or `all` for {@link RUNTIME_NAMES}.
 *
 * @throws {Error} naming the unknown runtime and the known ones, or when the list is empty.
 * @example
 * ```ts
 * parseRuntimeList("node, bun"); // ["node", "bun"]
 * parseRuntimeList("all"); // ["node", "node22", ..., "firefox"]
 * ```
 */
export function parseRuntimeList(text: string): RuntimeName[] {
  if (text.trim() === "all") return [...RUNTIME_NAMES];
  const names: RuntimeName[] = [];
  for (const part of text.split(",")) {
    const name = part.trim();
    if (name === "") continue;
    if (!isRuntimeName(name)) {
      throw new Error(
        `unknown runtime "${name}": expected "all" or some of ${RUNTIME_NAMES.join(", ")}`,
      );
    }
    if (!names.includes(name)) names.push(name);
  }
  if (names.length === 0) {
    throw new Error(
      `no runtime in "${text}": expected "all" or some of ${RUNTIME_NAMES.join(", ")}`,
    );
  }
  return names;
}
