/** One spec command that failed, as the spec app's JSON report lists it. */
export interface SpecReportFailure {
  readonly where: string;
  readonly command: string;
  readonly expected: string;
  readonly actual: string;
}

/** The spec app's JSON report (`spec-results.json`), as far as the test command reads it. */
export interface SpecReport {
  readonly strategies: Readonly<
    Record<string, { readonly failed: number; readonly reference?: boolean }>
  >;
  readonly files?: Readonly<
    Record<string, Readonly<Record<string, { readonly failures?: readonly SpecReportFailure[] }>>>
  >;
}

/**
 * One line per strategy with failures (the reference left out): how many failed and the first
 * `max` (default 3) of them.
 */
export function specFailures(report: SpecReport, max?: number): string[];
