// Deep equality as vitest's `toEqual` has it (@vitest/expect's `equals` with `iterableEquality`,
// itself from Jest and Jasmine): primitives by Object.is, objects by their own enumerable keys
// with undefined-valued keys ignored, no check of the prototype (only of the
// Object.prototype.toString tag), errors by name, message, cause and keys, iterables (Map, Set,
// any non-array iterable) by their items.

type Stack = unknown[];

const hasKey = (obj: object, key: PropertyKey): boolean => Object.hasOwn(obj, key);
const hasDefinedKey = (obj: object, key: PropertyKey): boolean =>
  hasKey(obj, key) && (obj as Record<PropertyKey, unknown>)[key] !== undefined;

function keysOf(obj: object): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (const key in obj) if (hasDefinedKey(obj, key)) keys.push(key);
  const symbols = Object.getOwnPropertySymbols(obj).filter(
    (symbol) => Object.getOwnPropertyDescriptor(obj, symbol)?.enumerable,
  );
  return keys.concat(symbols);
}

function isError(value: unknown): value is Error {
  const tag = Object.prototype.toString.call(value);
  return tag === "[object Error]" || tag === "[object DOMException]" || value instanceof Error;
}

const tagOf = (value: unknown): string => Object.prototype.toString.call(value);

/**
 * Whether `a` and `b` are equal as `expect(a).toEqual(b)` judges them in vitest 4.
 *
 * @example
 * ```ts
 * equals({ a: 1, b: undefined }, { a: 1 }); // true
 * equals([1, 2], [1, 2, 3]); // false
 * ```
 */
export function equals(a: unknown, b: unknown): boolean {
  return eq(a, b, [], []);
}

function eq(a: unknown, b: unknown, aStack: Stack, bStack: Stack): boolean {
  const iterable = iterableEquality(a, b, aStack, bStack);
  if (iterable !== undefined) return iterable;
  if (typeof URL === "function" && a instanceof URL && b instanceof URL) return a.href === b.href;
  if (Object.is(a, b)) return true;
  if (a === null || b === null) return a === b;
  const tag = tagOf(a);
  if (tag !== tagOf(b)) return false;
  switch (tag) {
    case "[object Boolean]":
    case "[object String]":
    case "[object Number]":
      if (typeof a !== typeof b) return false;
      if (typeof a !== "object" && typeof b !== "object") return Object.is(a, b);
      return Object.is((a as object).valueOf(), (b as object).valueOf());
    case "[object Date]": {
      const x = +(a as Date);
      const y = +(b as Date);
      return x === y || (Number.isNaN(x) && Number.isNaN(y));
    }
    case "[object RegExp]":
      return (
        (a as RegExp).source === (b as RegExp).source && (a as RegExp).flags === (b as RegExp).flags
      );
  }
  if (typeof a !== "object" || typeof b !== "object") return false;
  let depth = aStack.length;
  while (depth--) {
    if (aStack[depth] === a) return bStack[depth] === b;
    if (bStack[depth] === b) return false;
  }
  aStack.push(a);
  bStack.push(b);
  if (tag === "[object Array]" && (a as unknown[]).length !== (b as unknown[]).length) {
    return false;
  }
  if (isError(a) && isError(b)) {
    try {
      return errorsEqual(a, b, aStack, bStack);
    } finally {
      aStack.pop();
      bStack.pop();
    }
  }
  const aKeys = keysOf(a as object);
  if (keysOf(b as object).length !== aKeys.length) return false;
  for (let i = aKeys.length - 1; i >= 0; i--) {
    const key = aKeys[i] as PropertyKey;
    const x = (a as Record<PropertyKey, unknown>)[key];
    const y = (b as Record<PropertyKey, unknown>)[key];
    if (!hasDefinedKey(b as object, key) || !eq(x, y, aStack, bStack)) return false;
  }
  aStack.pop();
  bStack.pop();
  return true;
}

function errorsEqual(a: Error, b: Error, aStack: Stack, bStack: Stack): boolean {
  let equal = tagOf(a) === tagOf(b) && a.name === b.name && a.message === b.message;
  if (typeof b.cause !== "undefined") equal &&= eq(a.cause, b.cause, aStack, bStack);
  if (a instanceof AggregateError && b instanceof AggregateError) {
    equal &&= eq(a.errors, b.errors, aStack, bStack);
  }
  return equal && eq({ ...a }, { ...b }, aStack, bStack);
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return value != null && typeof (value as Iterable<unknown>)[Symbol.iterator] === "function";
}

/** vitest's `iterableEquality`: undefined when `a` and `b` are not both non-array iterables. */
function iterableEquality(
  a: unknown,
  b: unknown,
  aStack: Stack,
  bStack: Stack,
): boolean | undefined {
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    Array.isArray(a) ||
    Array.isArray(b) ||
    !isIterable(a) ||
    !isIterable(b)
  ) {
    return undefined;
  }
  if (a.constructor !== b.constructor) return false;
  let depth = aStack.length;
  while (depth--) if (aStack[depth] === a) return bStack[depth] === b;
  aStack.push(a);
  bStack.push(b);
  const inner = (x: unknown, y: unknown) => eq(x, y, [...aStack], [...bStack]);
  const size = (a as { size?: number }).size;
  if (size !== undefined) {
    if (size !== (b as { size?: number }).size) return false;
    if (a instanceof Set && b instanceof Set) {
      const found = [...a].every((x) => b.has(x) || [...b].some((y) => inner(x, y)));
      aStack.pop();
      bStack.pop();
      return found;
    }
    if (a instanceof Map && b instanceof Map) {
      const found = [...a].every(
        ([k, v]) =>
          (b.has(k) && inner(v, b.get(k))) ||
          [...b].some(([bk, bv]) => inner(k, bk) && inner(v, bv)),
      );
      aStack.pop();
      bStack.pop();
      return found;
    }
  }
  const bIterator = b[Symbol.iterator]();
  for (const x of a) {
    const next = bIterator.next();
    if (next.done || !inner(x, next.value)) return false;
  }
  if (!bIterator.next().done) return false;
  if (!inner(Object.entries(a), Object.entries(b))) return false;
  aStack.pop();
  bStack.pop();
  return true;
}
