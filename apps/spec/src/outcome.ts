/** What running one command gave. */
export type Outcome =
  | { readonly status: "passed" }
  | { readonly status: "failed"; readonly expected: string; readonly actual: string }
  | { readonly status: "skipped"; readonly reason: string };

const PASSED: Outcome = Object.freeze({ status: "passed" });

/** The command did what the script says. */
export function passed(): Outcome {
  return PASSED;
}

/** The command did not: `expected` and `actual` say what should have happened and what did. */
export function failed(expected: string, actual: string): Outcome {
  return { status: "failed", expected, actual };
}

/** The command was not judged, for a reason that names its category. */
export function skipped(reason: string): Outcome {
  return { status: "skipped", reason };
}

/** An error as one line: `Trap(UNREACHABLE): wasm trap: unreachable`, `LinkError: ...`. */
export function formatError(error: unknown): string {
  if (!(error instanceof Error)) return `threw ${String(error)}`;
  const code = (error as { trapCode?: unknown }).trapCode;
  const name = typeof code === "string" ? `${error.name}(${code})` : error.name;
  return `${name}: ${error.message}`;
}
