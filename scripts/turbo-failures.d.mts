/** One task of a turbo run summary, as far as the test command reads it. */
export interface TurboTaskSummary {
  readonly taskId: string;
  readonly task: string;
  readonly package: string;
  readonly execution?: { readonly exitCode?: number | null };
}

/** A turbo run summary (`.turbo/runs/<id>.json`), as far as the test command reads it. */
export interface TurboSummary {
  readonly tasks: readonly TurboTaskSummary[];
}

/**
 * One line per task that exited with an error: a lint, typecheck or build task; a test task only
 * when its package (by name) is not in `packagesWithFailures`, the packages whose vitest report
 * counted a failure.
 */
export function turboFailures(
  summary: TurboSummary,
  packagesWithFailures?: ReadonlySet<string>,
): string[];
