/** How long and how often to measure each contestant. */
export interface MeasureBudget {
  /**
   * Passes per workload, each in a fresh guest (a process, or a worker in a browser): every
   * contestant is timed in each and the samples are pooled. A V8 process settles in one of a
   * few speeds for the same code (code placement: 2.8 or 4.7 ns for the same raw call on this
   * machine class), so one process alone can mislead.
   */
  readonly passes: number;
  /** CPU time of the warm-up measurement, whose samples are thrown away (ns). */
  readonly warmupNs: number;
  /** CPU time of the measured samples in each pass, at least (ns). */
  readonly sampleNs: number;
}

/** The budget of `--quick`: the whole matrix in under a minute on Node. */
export const QUICK_BUDGET: MeasureBudget = { passes: 3, warmupNs: 10e6, sampleNs: 30e6 };

/** The budget of a full run: mitata's default sampling time (642 ms) split over the passes. */
export const FULL_BUDGET: MeasureBudget = { passes: 5, warmupNs: 60e6, sampleNs: 130e6 };

/** The web page's shortest budget: one pass, for a first look. */
export const GLANCE_BUDGET: MeasureBudget = { passes: 1, warmupNs: 5e6, sampleNs: 15e6 };
