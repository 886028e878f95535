import { inspect } from "./display.js";
import { equals } from "./equals.js";

/** A failed expectation: what `expect(...).matcher(...)` throws when the check fails. */
export class AssertionError extends Error {
  override name = "AssertionError";
}

/** The matchers of `expect(actual)`, each with vitest's semantics; `not` negates them. */
export interface Assertion {
  readonly not: Assertion;
  /** `Object.is(actual, expected)`. */
  toBe(expected: unknown): void;
  /** Deep equality as vitest's `toEqual` (undefined-valued keys ignored, prototypes not compared). */
  toEqual(expected: unknown): void;
  /** `actual instanceof expected`. */
  toBeInstanceOf(expected: unknown): void;
  /** A string that includes `item`, or an iterable holding `item` (`===`). */
  toContain(item: unknown): void;
  /** A string matching `expected` (a RegExp) or including it (a string). */
  toMatch(expected: string | RegExp): void;
  /**
   * `actual` is a function that throws: anything (no argument), an error whose message
   * includes a string or matches a RegExp, an instance of a class, or an error equal to one.
   */
  toThrow(expected?: unknown): void;
  /** `actual > expected`, both numbers or bigints. */
  toBeGreaterThan(expected: number | bigint): void;
}

interface Check {
  readonly pass: boolean;
  readonly message: string;
  readonly negatedMessage: string;
}

function check(pass: boolean, message: string, negatedMessage: string): Check {
  return { pass, message, negatedMessage };
}

function numeric(value: unknown, what: string): number | bigint {
  if (typeof value !== "number" && typeof value !== "bigint") {
    throw new TypeError(`${what} value must be number or bigint, received "${typeof value}"`);
  }
  return value;
}

/**
 * chai's `throws(matcher)` with a string or RegExp matcher, or none, as vitest's `toThrow` uses
 * it. The check's `pass` is in the positive sense (the caller negates it under `not`): chai
 * skips the message check when the thrown value is falsy.
 */
function throwsMatching(actual: unknown, matcher: string | RegExp | undefined, negate: boolean) {
  if (typeof actual !== "function") {
    throw new AssertionError(`expected ${inspect(actual)} to be a function`);
  }
  let thrown: unknown;
  let threw = false;
  try {
    actual();
  } catch (error) {
    threw = true;
    thrown = error;
  }
  const notThrown = `expected function not to throw, but ${inspect(thrown)} was thrown`;
  if (matcher === undefined || !threw) {
    return check(threw, "expected function to throw an error", notThrown);
  }
  if (!thrown) return check(!negate, "", notThrown);
  const text = typeof thrown === "string" ? thrown : (thrown as { message?: unknown }).message;
  const compatible =
    typeof text === "string" &&
    (typeof matcher === "string" ? text.includes(matcher) : matcher.test(text));
  const how = typeof matcher === "string" ? "including" : "matching";
  return check(
    compatible,
    `expected function to throw error ${how} ${inspect(matcher)} but got ${inspect(text)}`,
    `expected function to throw error not ${how} ${inspect(matcher)}`,
  );
}

function toThrow(actual: unknown, expected: unknown, negate: boolean): Check {
  if (expected === undefined || typeof expected === "string" || expected instanceof RegExp) {
    return throwsMatching(actual, expected === "" ? /^$/ : expected, negate);
  }
  let thrown: unknown = null;
  let threw = false;
  try {
    (actual as () => unknown)();
  } catch (error) {
    threw = true;
    thrown = error;
  }
  if (!threw && !negate) {
    throw new AssertionError("expected function to throw an error, but it didn't");
  }
  if (typeof expected === "function") {
    const name = expected.name || "an unnamed class";
    return check(
      Boolean(thrown) && thrown instanceof expected,
      `expected error to be instance of ${name}, got ${inspect(thrown)}`,
      `expected error not to be instance of ${name}`,
    );
  }
  return check(
    equals(thrown, expected),
    `expected a thrown value to equal ${inspect(expected)}, got ${inspect(thrown)}`,
    `expected a thrown value not to equal ${inspect(expected)}`,
  );
}

function matchers(actual: unknown, negate: boolean) {
  const shown = () => inspect(actual);
  return {
    toBe: (expected: unknown) =>
      check(
        Object.is(actual, expected),
        `expected ${shown()} to be ${inspect(expected)} // Object.is equality`,
        `expected ${shown()} not to be ${inspect(expected)} // Object.is equality`,
      ),
    toEqual: (expected: unknown) =>
      check(
        equals(actual, expected),
        `expected ${shown()} to deeply equal ${inspect(expected)}`,
        `expected ${shown()} to not deeply equal ${inspect(expected)}`,
      ),
    toBeInstanceOf: (expected: unknown) => {
      if (typeof expected !== "function") {
        throw new AssertionError(
          `The instanceof assertion needs a constructor but ${inspect(expected)} was given.`,
        );
      }
      return check(
        actual instanceof expected,
        `expected ${shown()} to be an instance of ${expected.name}`,
        `expected ${shown()} to not be an instance of ${expected.name}`,
      );
    },
    toContain: (item: unknown) => {
      const contains =
        typeof actual === "string"
          ? actual.includes(String(item))
          : Array.from(actual as Iterable<unknown>).indexOf(item) !== -1;
      return check(
        contains,
        `expected ${shown()} to contain ${inspect(item)}`,
        `expected ${shown()} not to contain ${inspect(item)}`,
      );
    },
    toMatch: (expected: string | RegExp) => {
      if (typeof actual !== "string") {
        throw new TypeError(`.toMatch() expects to receive a string, but got ${typeof actual}`);
      }
      const pass = typeof expected === "string" ? actual.includes(expected) : expected.test(actual);
      return check(
        pass,
        `expected ${shown()} to match ${inspect(expected)}`,
        `expected ${shown()} not to match ${inspect(expected)}`,
      );
    },
    toThrow: (expected?: unknown) => toThrow(actual, expected, negate),
    toBeGreaterThan: (expected: number | bigint) => {
      const a = numeric(actual, "actual");
      const b = numeric(expected, "expected");
      return check(
        a > b,
        `expected ${a} to be greater than ${b}`,
        `expected ${a} to be not greater than ${b}`,
      );
    },
  };
}

function assertion(actual: unknown, message: string | undefined, negate: boolean): Assertion {
  const prefix = message === undefined ? "" : `${message}: `;
  const made = {} as Record<string, unknown>;
  for (const [name, matcher] of Object.entries(matchers(actual, negate))) {
    made[name] = (...args: unknown[]) => {
      const result = (matcher as (...a: unknown[]) => Check)(...args);
      if (result.pass === negate) {
        throw new AssertionError(prefix + (negate ? result.negatedMessage : result.message));
      }
    };
  }
  Object.defineProperty(made, "not", { get: () => assertion(actual, message, !negate) });
  return new Proxy(made, {
    get(target, key) {
      if (typeof key === "string" && key !== "then" && !(key in target)) {
        throw new TypeError(`expect(...).${key} is not implemented by the guest test runner`);
      }
      return Reflect.get(target, key);
    },
  }) as unknown as Assertion;
}

/**
 * vitest's `expect(actual, message?)`: the matchers of {@link Assertion}, with vitest's
 * semantics; a failed check throws an {@link AssertionError} whose message starts with
 * `message: ` when one is given.
 *
 * @example
 * ```ts
 * expect([1, 2], "the list").toEqual([1, 2]);
 * expect(() => JSON.parse("{")).toThrow(SyntaxError);
 * expect("text").not.toContain("\n");
 * ```
 */
export function expect(actual: unknown, message?: string): Assertion {
  return assertion(actual, message, false);
}
