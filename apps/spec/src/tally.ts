import type { Outcome } from "./outcome.js";

/** Counts of commands by outcome. */
export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

/** A tally of nothing. */
export function emptyTally(): Tally {
  return { passed: 0, failed: 0, skipped: 0 };
}

/** Counts `outcome` into `tally`. */
export function count(tally: Tally, outcome: Outcome): void {
  tally[outcome.status]++;
}

/** Adds `from` into `into`. */
export function addTally(into: Tally, from: Tally): void {
  into.passed += from.passed;
  into.failed += from.failed;
  into.skipped += from.skipped;
}
