import type { BrowserName } from "../runtime-name.js";

/** The system browsers' executables (Debian's `chromium` and `firefox-esr` packages). */
export const BROWSER_EXECUTABLES: Readonly<Record<BrowserName, string>> = {
  chromium: "/usr/bin/chromium",
  firefox: "/usr/bin/firefox-esr",
};

/** The Debian packages that hold the browsers, installed together. */
export const BROWSER_PACKAGES: readonly string[] = ["chromium", "firefox-esr"];
