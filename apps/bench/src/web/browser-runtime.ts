import type { RuntimeId } from "../runtime-id.js";

/**
 * The browser named by a user agent, as the page reports the runtime it measured in:
 * `firefox`, `edge`, `chromium` (Chrome and every other Chromium), `safari`, or `browser`
 * with the whole user agent when none is recognised.
 *
 * @example
 * ```ts
 * browserRuntime("Mozilla/5.0 (X11; Linux x86_64) ... HeadlessChrome/150.0.7871.100 Safari/537.36");
 * // { name: "chromium", version: "150.0.7871.100" }
 * ```
 */
export function browserRuntime(userAgent: string): RuntimeId {
  const patterns: readonly [string, RegExp][] = [
    ["firefox", /Firefox\/([\d.]+)/],
    ["edge", /Edg\/([\d.]+)/],
    ["chromium", /Chrom(?:e|ium)\/([\d.]+)/],
    ["safari", /Version\/([\d.]+).*Safari\//],
  ];
  for (const [name, pattern] of patterns) {
    const version = pattern.exec(userAgent)?.[1];
    if (version !== undefined) return { name, version };
  }
  return { name: "browser", version: userAgent };
}
