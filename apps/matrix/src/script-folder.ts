/**
 * The spec script folder a spec failure's name points into: the part before the first `/`
 * (`unreached-invalid/unreached-invalid.wast:21` → `unreached-invalid`), the whole name when
 * it has none.
 */
export function scriptFolder(name: string): string {
  return name.split("/")[0] ?? name;
}
