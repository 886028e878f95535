import type { Invoker } from "./invoker.js";
import type { ScriptResult } from "./run-script.js";
import { TEXT_ACCEPTED } from "./skip-category.js";
import { addTally, emptyTally, type Tally } from "./tally.js";

/** The totals of one invoker over the whole run. */
export interface InvokerTotals {
  /** Commands by outcome. */
  readonly tally: Tally;
  /** Commands by outcome, per command kind. */
  readonly kinds: Record<string, Tally>;
}

/** One script's results, per invoker name. */
export interface FileResults {
  /** The script's folder name. */
  readonly name: string;
  /** How many commands the script has. */
  readonly commands: number;
  /** Its result under each invoker, by name. */
  readonly results: ReadonlyMap<string, ScriptResult>;
}

/** Everything a run found: per invoker, per file, and the skips by category. */
export class RunSummary {
  /** The columns, in order. */
  readonly invokers: readonly Invoker[];
  /** The totals of each invoker, by name. */
  readonly totals = new Map<string, InvokerTotals>();
  /** Every script run, in order. */
  readonly files: FileResults[] = [];
  readonly #skipped = new Map<string, Set<string>>();

  /** A summary of nothing yet, for these columns. */
  constructor(invokers: readonly Invoker[]) {
    this.invokers = invokers;
    for (const invoker of invokers)
      this.totals.set(invoker.name, { tally: emptyTally(), kinds: {} });
  }

  /** Adds one script's results (each invoker's, by name). */
  add(file: FileResults): void {
    this.files.push(file);
    for (const [name, result] of file.results) {
      const totals = this.totals.get(name);
      if (totals === undefined) continue;
      addTally(totals.tally, result.tally);
      for (const [kind, tally] of Object.entries(result.kinds)) {
        totals.kinds[kind] ??= emptyTally();
        addTally(totals.kinds[kind], tally);
      }
      for (const skip of result.skips) {
        let where = this.#skipped.get(skip.reason);
        if (where === undefined) {
          where = new Set();
          this.#skipped.set(skip.reason, where);
        }
        where.add(skip.where);
      }
    }
  }

  /**
   * How many commands were skipped for each reason (a command skipped under several invokers
   * counts once). The text-module category is always listed, with 0 when nothing fell in it.
   */
  skips(): Map<string, number> {
    const skips = new Map([[TEXT_ACCEPTED, 0]]);
    for (const [reason, where] of this.#skipped) skips.set(reason, where.size);
    return skips;
  }

  /** Whether an invoker that is not a reference column has a failure. */
  hasFailures(): boolean {
    return this.invokers.some(
      (invoker) => !invoker.reference && (this.totals.get(invoker.name)?.tally.failed ?? 0) > 0,
    );
  }
}
