/** The two suites the matrix runs in every runtime. */
export type SuiteName = "conformance" | "spec";

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
  /** Whether to leave the spec testsuite out. */
  readonly skipSpec: boolean;
}

/**
 * The suites to run: the conformance guest with args `{}` and, unless `skipSpec`, the spec
 * guest with args `{ suite: "/spec/" }` and the spec folder mounted at `/spec/`.
 */
export function planSuites(files: SuiteFiles): SuitePlan[] {
  const conformance: SuitePlan = {
    name: "conformance",
    script: files.conformanceGuest,
    args: {},
    mounts: {},
  };
  if (files.skipSpec) return [conformance];
  return [
    conformance,
    {
      name: "spec",
      script: files.specGuest,
      args: { suite: "/spec/" },
      mounts: { "/spec/": files.dir },
      narrowArgs: (strategies, scripts) => ({ suite: "/spec/", strategies, scripts }),
    },
  ];
}
