import type { Browser } from "puppeteer-core";
import { launchBrowser } from "../launch-browser.js";
import type { BrowserName } from "../runtime-name.js";
import type { GuestSession } from "./guest-session.js";

/**
 * Opens the guest page of `session` in a fresh headless `name` and waits for its outcome.
 * Console messages go to the session's logs; a page error, a page crash or the browser's end
 * before a result fails the run. The browser is always closed.
 *
 * @returns the guest's result and `browser.version()`.
 * @throws {GuestError} when the guest fails, the page reports an error, the browser crashes or
 * time runs out; the launcher's error when the browser does not start.
 */
export async function runBrowserGuest(
  name: BrowserName,
  session: GuestSession,
  exposeGc: boolean,
  timeoutMs: number,
): Promise<{ result: unknown; version: string }> {
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser(name, { exposeGc, timeoutMs });
    session.started("the browser's start");
    browser.once("disconnected", () =>
      session.fail("crashed", "the browser ended before a result"),
    );
    const version = await browser.version();
    const page = await browser.newPage();
    page.on("console", (message) => {
      session.log(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => {
      const message = error instanceof Error ? error.message : String(error);
      const guestStack = error instanceof Error ? error.stack : undefined;
      session.fail("page-error", `the page reported an error: ${message}`, { guestStack });
    });
    page.on("error", (error) => {
      session.fail("crashed", `the page crashed: ${error.message}`, { cause: error });
    });
    page.goto(session.pageUrl, { timeout: 0 }).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      session.fail("crashed", `the page could not be opened: ${message}`, { cause: error });
    });
    return { result: await session.outcome, version };
  } finally {
    await browser?.close().catch(() => undefined);
  }
}
