import { inspect, objDisplay } from "./display.js";

const PLACEHOLDER = /%[sdjifoOc%]/g;

/** One `%` placeholder filled with `value`, as vitest's `format(placeholder, value)` does. */
function fill(placeholder: string, value: unknown): string {
  switch (placeholder) {
    case "%%":
      // vitest's format() keeps the value it did not use, and appends it.
      return `% ${typeof value === "object" && value !== null ? inspect(value) : String(value)}`;
    case "%s":
      if (typeof value === "bigint") return `${value}n`;
      if (value === 0 && 1 / value < 0) return "-0";
      if (typeof value === "object" && value !== null) {
        const own = (value as { toString?: unknown }).toString;
        if (typeof own === "function" && own !== Object.prototype.toString) {
          return String(value);
        }
        return inspect(value, Number.POSITIVE_INFINITY, 0);
      }
      return String(value);
    case "%d":
      if (typeof value === "bigint") return `${value}n`;
      return typeof value === "symbol" ? "NaN" : Number(value).toString();
    case "%i":
      if (typeof value === "bigint") return `${value}n`;
      return Number.parseInt(String(value), 10).toString();
    case "%f":
      return Number.parseFloat(String(value)).toString();
    case "%o":
    case "%O":
      return inspect(value);
    case "%c":
      return "";
    default:
      return JSON.stringify(value) ?? "undefined";
  }
}

/** The value at `path` (`a.b`, `a[0].b`, `0`) in `source`, or `fallback` where it is undefined. */
function attribute(source: unknown, path: string, fallback?: unknown): unknown {
  let value = source;
  for (const key of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    value = (Object(value) as Record<string, unknown>)[key];
    if (value === undefined) return fallback;
  }
  return value;
}

function isNegativeNaNOrZero(value: unknown): boolean {
  if (typeof value !== "number") return false;
  if (Object.is(value, -0)) return true;
  if (!Number.isNaN(value)) return false;
  const bits = new Float64Array([value]);
  return (new Uint8Array(bits.buffer)[7] as number) >> 7 === 1;
}

/**
 * The title of case `index` of an `.each` table, as vitest 4 writes it: `%#` and `%$` become
 * the case's index and position, `%s`/`%d`/`%i`/`%f`/`%j`/`%o`/`%O`/`%c` take the case's
 * items in order (`%%` too, as vitest does), and `$key` / `$a.b` / `$0` name a property of
 * the case (an object case) or an item (shown with `objDisplay`: a string in single quotes).
 *
 * @example
 * ```ts
 * formatTitle("%s has a summary", ["baseline", strategy], 0); // "baseline has a summary"
 * formatTitle("$name: traps", [{ name: "baseline" }], 0); // "'baseline': traps"
 * ```
 */
export function formatTitle(template: string, items: readonly unknown[], index: number): string {
  let title = template;
  if (title.includes("%#") || title.includes("%$")) {
    title = title
      .replace(/%%/g, "__vitest_escaped_%__")
      .replace(/%#/g, `${index}`)
      .replace(/%\$/g, `${index + 1}`)
      .replace(/__vitest_escaped_%__/g, "%%");
  }
  const count = title.split("%").length - 1;
  if (title.includes("%f")) {
    const placeholders = title.match(/%f/g) ?? [];
    placeholders.forEach((_, i) => {
      if (!isNegativeNaNOrZero(items[i])) return;
      let seen = 0;
      title = title.replace(/%f/g, (match) => (++seen === i + 1 ? "-%f" : match));
    });
  }
  const objectItem = typeof items[0] === "object" && items[0] !== null;
  const attributes = (text: string) =>
    text.replace(/\$([$\w.]+)/g, (whole, key: string) => {
      const arrayKey = /^\d+$/.test(key);
      if (!objectItem && !arrayKey) return whole;
      const element = arrayKey ? attribute(items, key) : undefined;
      return objDisplay(objectItem ? attribute(items[0], key, element) : element);
    });
  let output = "";
  let last = 0;
  let used = 0;
  for (const match of title.matchAll(PLACEHOLDER)) {
    output += attributes(title.slice(last, match.index));
    output += used < count ? fill(match[0], items[used++]) : match[0];
    last = match.index + match[0].length;
  }
  return output + attributes(title.slice(last));
}
