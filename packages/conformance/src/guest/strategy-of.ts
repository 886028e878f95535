/** Where a test that names no strategy, or several, is counted. */
export const SHARED = "shared";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The strategy a test belongs to: the one strategy of `names` whose name appears in the test's
 * title path (its describe blocks' titles and its own) as a whole name, that is not inside a
 * longer run of letters, digits, `-` or `_` (`'baseline': traps` and `baseline has a one-line
 * summary` belong to baseline; `store` is not `store-amortized`). A test that names none of
 * them, or more than one, belongs to {@link SHARED}.
 *
 * @example
 * ```ts
 * strategyOf(["'typed-func': traps", "reports unreachable"], ["baseline", "typed-func"]); // "typed-func"
 * strategyOf(["differential", "gives the same bits"], ["baseline", "typed-func"]); // "shared"
 * ```
 */
export function strategyOf(path: readonly string[], names: readonly string[]): string {
  const title = path.join(" > ");
  const named = names.filter((name) =>
    new RegExp(`(^|[^\\w-])${escapeRegExp(name)}($|[^\\w-])`).test(title),
  );
  return named.length === 1 ? (named[0] as string) : SHARED;
}
