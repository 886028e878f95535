import type { RuntimeId } from "../runtime-id.js";

/**
 * The browser named by a user agent, as the page reports the runtime it measured in:
 * `firefox`, `edge`, `chromium` (Chrome and every other Chromium), `safari`, or `browser`
 * with the whole user agent when none is recognised. Chromium's user agent gives only the
 * major version (`150.0.0.0`); {@link fullBrowserRuntime} asks for the rest.
 *
 * @example
 * ```ts
 * browserRuntime("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0");
 * // { name: "firefox", version: "140.0" }
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

/** Chromium's `navigator.userAgentData`, as far as the page reads it. */
export interface UserAgentData {
  getHighEntropyValues(
    hints: string[],
  ): Promise<{ fullVersionList?: readonly { brand: string; version: string }[] }>;
}

/** The brands whose full version stands for each browser, in order of preference. */
const BRANDS: Readonly<Record<string, readonly string[]>> = {
  chromium: ["Chromium", "Google Chrome"],
  edge: ["Microsoft Edge"],
};

/**
 * {@link browserRuntime} with the full version where the browser tells it through
 * `userAgentData` (Chromium: `150.0.7871.100` rather than `150.0.0.0`).
 */
export async function fullBrowserRuntime(
  userAgent: string,
  userAgentData: UserAgentData | undefined,
): Promise<RuntimeId> {
  const runtime = browserRuntime(userAgent);
  const brands = BRANDS[runtime.name];
  if (userAgentData === undefined || brands === undefined) return runtime;
  const { fullVersionList = [] } = await userAgentData
    .getHighEntropyValues(["fullVersionList"])
    .catch(() => ({ fullVersionList: undefined }));
  for (const brand of brands) {
    const found = fullVersionList.find((b) => b.brand === brand);
    if (found !== undefined) return { name: runtime.name, version: found.version };
  }
  return runtime;
}
