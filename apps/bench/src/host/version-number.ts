/**
 * The version number in a runtime's own version text: `22.23.3` from `v22.23.3`, `2.9.6` from
 * `deno 2.9.6 (stable, release, ...)`, `150.0.7871.100` from `Chrome/150.0.7871.100`; the
 * text itself when it holds none.
 */
export function versionNumber(text: string): string {
  return /\d+(?:\.\d+)+/.exec(text)?.[0] ?? text;
}
