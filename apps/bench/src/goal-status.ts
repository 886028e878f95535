/** Where a goal stands after a run. */
export type GoalState = "met" | "missed" | "not measured";

/** A goal evaluated on one run's results. */
export interface GoalStatus {
  /** The goal, as a sentence. */
  readonly goal: string;
  /** `met` when every check holds, `missed` when one fails, else `not measured`. */
  readonly state: GoalState;
  /** The figures each check was judged on: `nop 1.05x, add-i32 1.12x`. */
  readonly figures: string;
}

/** One figure a goal is judged on: its label, its value as text, and whether it holds. */
export interface Check {
  readonly label: string;
  /** The figure as text, or undefined when it was not measured. */
  readonly value: string | undefined;
  readonly holds: boolean;
}

/** A check of a ratio (`undefined`: not measured), shown as `1.05x`, holding when `ok` says so. */
export function ratioCheck(
  label: string,
  ratio: number | undefined,
  ok: (ratio: number) => boolean,
): Check {
  return {
    label,
    value: ratio === undefined ? undefined : `${ratio.toFixed(2)}x`,
    holds: ratio !== undefined && ok(ratio),
  };
}

/**
 * A check that a call allocates nothing: `bytes` per call (`null` where the runtime cannot
 * measure allocation, `undefined` where the contestant was not measured: both not measured).
 */
export function zeroBytesCheck(label: string, bytes: number | null | undefined): Check {
  return {
    label,
    value: bytes === undefined || bytes === null ? undefined : `${bytes} B`,
    holds: bytes === 0,
  };
}

/**
 * Goal `text` judged on `checks`: `missed` when a measured figure fails, `met` when every
 * figure was measured and holds, else `not measured` (also when there is nothing to check).
 */
export function goalStatus(text: string, checks: readonly Check[]): GoalStatus {
  const state: GoalState = checks.some((c) => c.value !== undefined && !c.holds)
    ? "missed"
    : checks.length > 0 && checks.every((c) => c.holds)
      ? "met"
      : "not measured";
  const figures =
    checks.length === 0
      ? "not measured"
      : checks.map((c) => `${c.label} ${c.value ?? "not measured"}`).join(", ");
  return { goal: text, state, figures };
}
