import type { Invoker } from "./invoker.js";
import { INVOKERS, selectInvokers } from "./invokers.js";

/** The spec guest's arguments, checked. */
export interface GuestArgs {
  /** The URL path the host serves the suite under: `/spec/`. */
  readonly suite: string;
  /** The columns to run: the named ones, or every one. */
  readonly invokers: readonly Invoker[];
  /** Only these scripts, when not empty. */
  readonly scripts: readonly string[];
}

function stringList(value: unknown, what: string): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw new Error(
      `the spec guest's ${what} must be a list of names, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/**
 * Reads the spec guest's args, `{ suite?: string, strategies?: string[], scripts?: string[] }`:
 * `suite` defaults to `/spec/`, `strategies` (strategy names, `js-api`) to every column,
 * `scripts` to the whole suite.
 *
 * @throws {Error} for args of another shape or an unknown strategy name.
 */
export function parseGuestArgs(args: unknown): GuestArgs {
  const { suite = "/spec/", strategies, scripts } = (args ?? {}) as Record<string, unknown>;
  if (typeof suite !== "string") {
    throw new Error(`the spec guest's suite must be a URL path, got ${JSON.stringify(suite)}`);
  }
  const names = stringList(strategies, "strategies");
  const invokers = names.length === 0 ? INVOKERS : names.flatMap((name) => selectInvokers(name));
  return { suite, invokers, scripts: stringList(scripts, "scripts") };
}
