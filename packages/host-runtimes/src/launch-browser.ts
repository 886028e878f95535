import type { Browser } from "puppeteer-core";
import { ensureInstalled } from "./install/ensure-installed.js";
import type { BrowserName } from "./runtime-name.js";

/** Chromium's command-line flags for a quiet headless run that contacts nothing. */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Options of {@link launchBrowser}. */
export interface LaunchBrowserOptions {
  /** Gives pages a `globalThis.gc` (Chromium only: `--js-flags=--expose-gc`). @default false */
  readonly exposeGc?: boolean;
  /** How long the launch may take. @default 30000 */
  readonly timeoutMs?: number;
}

/**
 * Launches the system's Chromium (through the DevTools protocol) or Firefox ESR (through
 * WebDriver BiDi) headless with puppeteer-core, in a fresh temporary profile, after installing
 * it if it is missing. Close it with `browser.close()`.
 *
 * @throws {RuntimeUnavailableError} when the browser is missing and cannot be installed; the
 * launcher's error when it does not start in time.
 * @example
 * ```ts
 * const browser = await launchBrowser("firefox");
 * try {
 *   const page = await browser.newPage();
 *   await page.goto(server.url);
 * } finally {
 *   await browser.close();
 * }
 * ```
 */
export async function launchBrowser(
  name: BrowserName,
  options: LaunchBrowserOptions = {},
): Promise<Browser> {
  const executablePath = await ensureInstalled(name);
  // Loaded here, not with the module: it takes longer to load than most host programs need.
  const { default: puppeteer } = await import("puppeteer-core");
  const timeout = options.timeoutMs ?? 30_000;
  if (name === "firefox") {
    return puppeteer.launch({ browser: "firefox", executablePath, headless: true, timeout });
  }
  const args = [
    ...CHROMIUM_FLAGS,
    ...(options.exposeGc === true ? ["--js-flags=--expose-gc"] : []),
  ];
  return puppeteer.launch({ browser: "chrome", executablePath, headless: true, timeout, args });
}
