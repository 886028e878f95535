/**
 * The fields of `fields` whose value is defined: `definedFields({ name })` is `{}` when
 * `name` is `undefined`, so optional properties stay absent rather than `undefined`.
 */
export function definedFields<T extends Record<string, unknown>>(fields: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) {
    if (fields[key] !== undefined) out[key] = fields[key];
  }
  return out;
}
