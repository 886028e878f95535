import { readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import type { SuiteSource } from "./suite-source.js";

/**
 * The suite in the folder `dir` on disk. Files are read synchronously (a command line has
 * nothing else to do meanwhile, and thousands of small asynchronous reads cost more).
 */
export function fileSource(dir: string): SuiteSource {
  const path = (relative: string) => join(dir, ...relative.split("/"));
  return {
    location: dir,
    files: async () =>
      readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => f.split(sep).join("/")),
    readBytes: async (relative) => readFileSync(path(relative)),
    readJson: async (relative) => JSON.parse(readFileSync(path(relative), "utf8")),
  };
}
