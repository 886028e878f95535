import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { SuiteNotFoundError } from "./suite-not-found-error.js";
import type { SuiteSource } from "./suite-source.js";

/**
 * The suite in the folder `dir` on disk. Files are read synchronously (a command line has
 * nothing else to do meanwhile, and thousands of small asynchronous reads cost more).
 * Listing the files of a folder that does not exist rejects with a {@link SuiteNotFoundError}.
 */
export function fileSource(dir: string): SuiteSource {
  const path = (relative: string) => join(dir, ...relative.split("/"));
  return {
    location: dir,
    files: async () => {
      if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
        throw new SuiteNotFoundError(dir);
      }
      return readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) =>
        f.split(sep).join("/"),
      );
    },
    readBytes: async (relative) => readFileSync(path(relative)),
    readJson: async (relative) => JSON.parse(readFileSync(path(relative), "utf8")),
  };
}
