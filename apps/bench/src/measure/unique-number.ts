let generated = 0;

/**
 * A number never returned before, put into the source of every generated measuring loop to make
 * it unique. V8 caches code compiled from source strings (`new Function`, `AsyncFunction`) by
 * its text, so loops of equal source share their type feedback: after a few contestants the
 * loop's call of the measured closure turns megamorphic and every figure gains ~5 ns (raw nop:
 * 3.9 ns alone, 9.2 ns after six other contestants). mitata's loop gets it as its cap on
 * samples (10^9 + n, never reached), the allocation loop as a comment.
 */
export function uniqueNumber(): number {
  generated += 1;
  return 1e9 + generated;
}
