import { join } from "node:path";

/** Where the built bench keeps what the host serves and runs. */
export interface BenchFiles {
  /** The guest bundle every runtime runs (`dist/guest.js`). */
  readonly guest: string;
  /** The web page's folder (`dist/web`): the page, its script and the pass worker. */
  readonly web: string;
}

/** The bench's files in its build folder `dist` (an absolute path). */
export function benchFiles(dist: string): BenchFiles {
  return { guest: join(dist, "guest.js"), web: join(dist, "web") };
}
