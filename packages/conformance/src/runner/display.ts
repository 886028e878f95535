// Values shown as vitest shows them (in test titles and assertion messages): vitest formats with
// loupe; this is the part of it that titles use (primitives exactly, including the 40-character
// truncation of `$name` placeholders), and a plain rendering of objects for messages.

const TRUNCATOR = "…";

/** Cuts `text` to `length` characters, the last being `…`, as loupe does. */
function truncate(text: string, length: number): string {
  if (TRUNCATOR.length > length && text.length > TRUNCATOR.length) return TRUNCATOR;
  if (text.length > length && text.length > TRUNCATOR.length) {
    let end = length - TRUNCATOR.length;
    const last = text[end - 1];
    if (end > 0 && last !== undefined && last >= "\ud800" && last <= "\udbff") end -= 1;
    return `${text.slice(0, end)}${TRUNCATOR}`;
  }
  return text;
}

const ESCAPED = new RegExp(
  "['\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u0600-\\u0604\\u070f\\u17b4\\u17b5" +
    "\\u200c-\\u200f\\u2028-\\u202f\\u2060-\\u206f\\ufeff\\ufff0-\\uffff]",
  "g",
);
const ESCAPES: Readonly<Record<string, string>> = {
  "\b": "\\b",
  "\t": "\\t",
  "\n": "\\n",
  "\f": "\\f",
  "\r": "\\r",
  "'": "\\'",
  "\\": "\\\\",
};

function inspectString(text: string, width: number): string {
  const escaped = text.replace(
    ESCAPED,
    (c) => ESCAPES[c] ?? `\\u${`0000${c.charCodeAt(0).toString(16)}`.slice(-4)}`,
  );
  return `'${truncate(escaped, width - 2)}'`;
}

function inspectNumber(n: number, width: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Number.POSITIVE_INFINITY) return "Infinity";
  if (n === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (n === 0) return Object.is(n, -0) ? "-0" : "+0";
  return truncate(String(n), width);
}

/**
 * `value` as loupe's `inspect` writes it, within `width` characters for strings and numbers:
 * `'text'`, `42`, `-0`, `10n`, `[ 1, 2 ]`, `{ a: 1 }`, `Val{ type: 'i32', ... }`,
 * `[Function name]`, `Error: message`.
 */
export function inspect(value: unknown, width = Number.POSITIVE_INFINITY, depth = 2): string {
  switch (typeof value) {
    case "string":
      return inspectString(value, width);
    case "number":
      return inspectNumber(value, width);
    case "bigint": {
      const digits = truncate(value.toString(), width - 1);
      return digits === TRUNCATOR ? digits : `${digits}n`;
    }
    case "boolean":
    case "undefined":
      return String(value);
    case "symbol":
      return value.description ? `Symbol(${value.description})` : "Symbol()";
    case "function":
      return value.name ? `[Function ${value.name}]` : "[Function]";
  }
  if (value === null) return "null";
  return inspectObject(value as object, depth);
}

function inspectObject(value: object, depth: number): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof RegExp) return String(value);
  if (depth < 0) return Array.isArray(value) ? "[Array]" : "[Object]";
  const item = (v: unknown) => inspect(v, Number.POSITIVE_INFINITY, depth - 1);
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `[ ${value.map(item).join(", ")} ]`;
  if (value instanceof Map) {
    const entries = [...value].map(([k, v]) => `${item(k)} => ${item(v)}`);
    return entries.length === 0 ? "Map{}" : `Map{ ${entries.join(", ")} }`;
  }
  if (value instanceof Set) {
    return value.size === 0 ? "Set{}" : `Set{ ${[...value].map(item).join(", ")} }`;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name;
    const items = Array.from(value as unknown as ArrayLike<number | bigint>, String);
    return items.length === 0 ? `${name}[]` : `${name}[ ${items.join(", ")} ]`;
  }
  const proto = Object.getPrototypeOf(value);
  const name = proto === Object.prototype || proto === null ? "" : value.constructor?.name || "";
  const props = Object.keys(value).map((key) => {
    const shown = /^[a-zA-Z_][a-zA-Z_0-9]*$/.test(key) ? key : JSON.stringify(key);
    return `${shown}: ${item((value as Record<string, unknown>)[key])}`;
  });
  return props.length === 0 ? `${name}{}` : `${name}{ ${props.join(", ")} }`;
}

/** `value` as vitest's `objDisplay` writes it (what a `$name` placeholder of a title becomes). */
export function objDisplay(value: unknown): string {
  const width = 40;
  const text = inspect(value, width);
  if (text.length < width) return text;
  if (typeof value === "function") return value.name ? `[Function: ${value.name}]` : "[Function]";
  if (Array.isArray(value)) return `[ Array(${value.length}) ]`;
  if (Object.prototype.toString.call(value) === "[object Object]") {
    const keys = Object.keys(value as object);
    const shown = keys.length > 2 ? `${keys.slice(0, 2).join(", ")}, ...` : keys.join(", ");
    return `{ Object (${shown}) }`;
  }
  return text;
}
