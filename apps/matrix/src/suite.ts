/**
 * The suites the matrix runs in every runtime: the conformance suite, and the spec testsuites
 * of WebAssembly 2.0 (`spec`) and 3.0 (`spec3`).
 */
export type SuiteName = "conformance" | "spec" | "spec3";

/** The strategy whose results are a reference, never a failure: the plain WebAssembly JS API. */
export const REFERENCE_STRATEGY = "js-api";

/** One suite's guest run: the bundle, its args and the folders it reads. */
export interface SuitePlan {
  /** Which suite it is. */
  readonly name: SuiteName;
  /** The guest bundle (absolute path). */
  readonly script: string;
  /** The args for the guest's `main`. */
  readonly args: unknown;
  /** URL prefixes mapped to folders the guest reads. */
  readonly mounts: Readonly<Record<string, string>>;
  /**
   * The args that run only `strategies` over only `scripts` (folders; all when `undefined`),
   * for a guest that can narrow its run (the spec guest).
   */
  readonly narrowArgs?: (
    strategies: readonly string[],
    scripts: readonly string[] | undefined,
  ) => unknown;
}

/** The guest bundles and the spec folder a matrix run uses. */
export interface SuiteFiles {
  /** The conformance guest bundle (absolute). */
  readonly conformanceGuest: string;
  /** The spec guest bundle (absolute). */
  readonly specGuest: string;
  /** The spec testsuite folder (absolute). */
  readonly dir: string;
  /** The 3.0 spec testsuite, converted (absolute: see `prepareSuite` of the spec app). */
  readonly dir3: string;
  /** Whether to leave the spec testsuite out. */
  readonly skipSpec: boolean;
}

/**
 * The suites to run: the conformance guest with args `{}` and, unless `skipSpec`, the spec
 * guest with args `{ suite: "/spec/" }` twice, with the 2.0 and the 3.0 suite folder mounted
 * at `/spec/`.
 */
export function planSuites(files: SuiteFiles): SuitePlan[] {
  const conformance: SuitePlan = {
    name: "conformance",
    script: files.conformanceGuest,
    args: {},
    mounts: {},
  };
  if (files.skipSpec) return [conformance];
  const spec = (name: SuiteName, dir: string): SuitePlan => ({
    name,
    script: files.specGuest,
    args: { suite: "/spec/" },
    mounts: { "/spec/": dir },
    narrowArgs: (strategies, scripts) => ({ suite: "/spec/", strategies, scripts }),
  });
  return [conformance, spec("spec", files.dir), spec("spec3", files.dir3)];
}
