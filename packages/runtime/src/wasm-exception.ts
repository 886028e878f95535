import {
  TypeMismatchError,
  typeName,
  UnsupportedFeatureError,
  type Val,
  WasmcallError,
} from "@wasmcall/core-types";
import { isValFor } from "./call/arg-tests.js";
import { refHierarchy } from "./ref-hierarchy.js";
import { Tag } from "./tag.js";
import { exceptionReader } from "./trampoline/exception-reader.js";
import { exceptionThrower } from "./trampoline/exception-thrower.js";

/** The engine's exception objects (`WebAssembly.Exception`), where it has exception handling. */
type EngineException = { is(tag: object): boolean };

/** Tells whether `error` is an engine's wasm exception (a `WebAssembly.Exception`). */
export function isEngineException(error: unknown): boolean {
  const Exception = (WebAssembly as unknown as { Exception?: new (...a: never[]) => object })
    .Exception;
  return Exception !== undefined && error instanceof Exception;
}

/** A tag's reader and thrower (see `exceptionReader`, `exceptionThrower`). */
interface TagCode {
  /** Stores the payload of `exception` (of the tag) into the store's slots 0.. */
  read(exception: object): void;
  /** Throws an exception of the tag whose payload is in the store's slots 0.. */
  throw(): void;
}

/** Each tag's code, made on first use. */
const tagCode = new WeakMap<Tag, TagCode>();

/**
 * The code of `tag` (see {@link TagCode}): one per tag, its reader and thrower instantiated when
 * first used.
 *
 * @throws {UnsupportedFeatureError} for a tag with an exnref parameter.
 */
function codeOf(tag: Tag): TagCode {
  let code = tagCode.get(tag);
  if (code !== undefined) return code;
  const { store } = tag;
  const type = tag.type.type;
  if (type.params.some((t) => refHierarchy(t) === "exn")) {
    throw new UnsupportedFeatureError(
      `a payload of a tag of ${type}`,
      "exception references as JavaScript values",
    );
  }
  let pending: object | undefined;
  const rethrow = () => {
    throw pending;
  };
  /** The export `name` of a new instance of the module `key` makes, with the tag's imports. */
  const instantiate = (key: string, build: () => Uint8Array, name: string) =>
    new WebAssembly.Instance(
      store.engine.compiledModule(`${key}:${type.key}`, build),
      store.slots.importObject({ tag: tag.js, rethrow }),
    ).exports[name] as () => void;
  let reader: (() => void) | undefined;
  let thrower: (() => void) | undefined;
  code = {
    read(exception) {
      reader ??= instantiate("exception-reader", () => exceptionReader(type), "read");
      pending = exception;
      try {
        reader();
      } finally {
        pending = undefined;
      }
    },
    throw() {
      thrower ??= instantiate("exception-thrower", () => exceptionThrower(type), "throw");
      thrower();
    },
  };
  tagCode.set(tag, code);
  return code;
}

/** Refuses `tag` unless it is a `Tag`, naming `subject`. */
function checkTag(subject: string, tag: unknown): asserts tag is Tag {
  if (!(tag instanceof Tag)) throw new TypeMismatchError(subject, "a Tag", typeName(tag));
}

/**
 * A WebAssembly exception (exception handling, WebAssembly 3.0) that no wasm code caught: what
 * a call throws instead of the engine's opaque exception object. Ask it which tag it is of
 * with {@link WasmException.is} and read what it carries, exactly (v128 and NaN bits too), with
 * {@link WasmException.payload}. The store stays usable. A host function throws one, made with
 * {@link WasmException.create}, for wasm to catch.
 *
 * A host function that lets one pass (it called wasm, which threw) rethrows the engine's
 * exception, so that wasm further out can still catch it.
 *
 * @example
 * ```ts
 * try {
 *   caller.call([Val.i32(7)], results);
 * } catch (e) {
 *   if (e instanceof WasmException && e.is(errorTag)) console.log(e.payload(errorTag)[0]?.i32());
 *   else throw e;
 * }
 * ```
 */
export class WasmException extends WasmcallError {
  /** The engine's exception object (a `WebAssembly.Exception`). */
  readonly exception: object;

  /** Wraps the engine's exception `exception` (a `WebAssembly.Exception`). */
  constructor(exception: object) {
    super("WASM_EXCEPTION", "wasm exception: an exception no wasm code caught", {
      cause: exception,
    });
    this.name = "WasmException";
    this.exception = exception;
  }

  /**
   * A new exception of `tag` carrying `payload` (one value per parameter of the tag's type, or
   * of a type below it), made by wasm so that every bit is kept: throw it from a host function
   * and wasm catches it with the tag.
   *
   * @example
   * ```ts
   * const fail = Func.host(store, new FuncType(["i32"], []), ([code]) => {
   *   throw WasmException.create(errorTag, [code as Val]);
   * });
   * ```
   * @throws {TypeMismatchError} when `tag` is not a `Tag`, or `payload` is not an array of
   * values of the tag's parameter types.
   * @throws {StoreMismatchError} for a function reference of another store than the tag's.
   * @throws {UnsupportedFeatureError} for a tag with an exnref parameter (no JavaScript value
   * holds one).
   */
  static create(tag: Tag, payload: readonly Val[]): WasmException {
    checkTag("WasmException.create tag", tag);
    const params = tag.type.type.params;
    if (!Array.isArray(payload) || payload.length !== params.length) {
      throw new TypeMismatchError(
        "WasmException.create payload",
        `an array of ${params.length} values`,
        Array.isArray(payload) ? `${payload.length} values` : typeName(payload),
      );
    }
    params.forEach((t, i) => {
      if (!isValFor(payload[i], t)) {
        throw new TypeMismatchError(
          `WasmException.create payload[${i}]`,
          `a ${t} value`,
          typeName(payload[i]),
        );
      }
    });
    const code = codeOf(tag);
    const slots = tag.store.slots;
    payload.forEach((v, i) => {
      slots.write(i, v, `WasmException.create payload[${i}]`);
    });
    try {
      code.throw();
    } catch (exception) {
      if (isEngineException(exception)) return new WasmException(exception as object);
      throw exception;
    }
    throw new Error("unreachable: the thrower returned");
  }

  /** Tells whether the exception is of tag `tag`. */
  is(tag: Tag): boolean {
    return tag instanceof Tag && (this.exception as EngineException).is(tag.js);
  }

  /**
   * The values the exception carries, one per parameter of `tag`'s type, exact.
   *
   * @throws {TypeMismatchError} when `tag` is not a `Tag`, or not the exception's tag.
   * @throws {UnsupportedFeatureError} for a tag with an exnref parameter.
   */
  payload(tag: Tag): Val[] {
    checkTag("WasmException.payload tag", tag);
    if (!this.is(tag)) {
      throw new TypeMismatchError(
        "WasmException.payload tag",
        "the tag of the exception",
        `a tag of ${tag.type.type}`,
      );
    }
    codeOf(tag).read(this.exception);
    const slots = tag.store.slots;
    return tag.type.type.params.map((t, i) => slots.read(i, t));
  }
}
