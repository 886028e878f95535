/** Time per call, from the samples of one or more measurements (ns). */
export interface Timing {
  /** The median. */
  readonly p50: number;
  /** The first quartile. */
  readonly p25: number;
  /** The third quartile. */
  readonly p75: number;
  /** The fastest sample. */
  readonly min: number;
  /** The slowest sample (mitata drops the two slowest of each measurement first). */
  readonly max: number;
  /** How many samples there were (each the mean of a batch of calls). */
  readonly samples: number;
}

/** The median, quartiles and extremes of `samples` (ns per call). */
export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.floor(q * (sorted.length - 1))] as number;
  return {
    p50: at(0.5),
    p25: at(0.25),
    p75: at(0.75),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    samples: sorted.length,
  };
}
