import { resolve } from "node:path";
import { launchBrowser, type StaticServer } from "@wasmcall/host-runtimes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchFiles } from "../src/host/bench-files.js";
import { startWebServer } from "../src/host/web-server.js";

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Page = Awaited<ReturnType<Browser["newPage"]>>;

/** Checks exactly the boxes named `name` whose values are in `values`. */
async function choose(page: Page, name: string, values: readonly string[]): Promise<void> {
  await page.$$eval(
    `input[name="${name}"]`,
    (boxes, wanted) => {
      for (const box of boxes as HTMLInputElement[]) box.checked = wanted.includes(box.value);
    },
    values,
  );
}

describe("the web page, in headless Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startWebServer(benchFiles(resolve(import.meta.dirname, "../dist")));
    browser = await launchBrowser("chromium");
    page = await browser.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e instanceof Error ? e.message : String(e)));
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#status[data-state="idle"]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("runs the chosen workloads, strategies and APIs, a bar per contestant", async () => {
    await choose(page, "workload", ["nop", "add-i32"]);
    await choose(page, "strategy", ["funcstorage", "typed-func"]);
    await choose(page, "api", ["native", "closures"]);
    await page.select("#budget", "glance");
    await page.click("#run");
    await page.waitForSelector('#status[data-state="done"]', { timeout: 90_000 });
    for (const workload of ["nop", "add-i32"]) {
      const bars = await page.$$eval(`#w-${workload} svg rect`, (rects) =>
        rects.map((r) => `${r.getAttribute("data-strategy")}/${r.getAttribute("data-api")}`),
      );
      expect(bars).toEqual([
        "raw/native",
        "raw/apply",
        "raw/spread",
        "funcstorage/native",
        "funcstorage/closures",
        "typed-func/native",
      ]);
    }
    const labels = await page.$eval("#w-add-i32 svg", (svg) => svg.textContent ?? "");
    expect(labels).toMatch(/ns · \d+\.\d+x raw/);
    expect(await page.$eval("#download", (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    expect(errors).toEqual([]);
  }, 120_000);
});
