import {
  FuncType,
  TypeMismatchError,
  typeName,
  UnsupportedFeatureError,
} from "@wasmcall/core-types";
import type { TagType } from "./extern-type.js";
import type { Store } from "./store.js";

/** The engine's `WebAssembly.Tag` constructor, where it has exception handling. */
type TagConstructor = new (type: { parameters: string[] }) => object;

/** `WebAssembly.Tag` of this engine, or undefined when it lacks exception handling. */
function tagConstructor(): TagConstructor | undefined {
  return (WebAssembly as unknown as { Tag?: TagConstructor }).Tag;
}

/**
 * An exception tag of a store (exception handling, WebAssembly 3.0): exported by an instance or
 * made with {@link Tag.create}, and importable like any other extern. Its type says what values
 * an exception of the tag carries.
 *
 * @example
 * ```ts
 * const tag = Tag.create(store, new FuncType(["i32"], []));
 * linker.define("env", "error", tag);
 * ```
 */
export class Tag {
  /** The store the tag belongs to. */
  readonly store: Store;
  /** The tag's type. */
  readonly type: TagType;
  /** The engine's tag object (a `WebAssembly.Tag`). */
  readonly js: object;

  /** Wraps the engine's tag `js` of `store`, whose type is `type`. */
  constructor(store: Store, type: TagType, js: object) {
    this.store = store;
    this.type = type;
    this.js = js;
  }

  /**
   * A new tag whose exceptions carry values of `type`'s parameters (it must have no results).
   *
   * @throws {TypeMismatchError} when `type` is not a `FuncType` without results.
   * @throws {UnsupportedFeatureError} when the engine lacks exception handling, or a parameter
   * type the JavaScript API cannot describe (v128 and the types of WebAssembly 3.0's garbage
   * collection have no name there).
   */
  static create(store: Store, type: FuncType): Tag {
    if (!FuncType.is(type) || type.results.length > 0) {
      throw new TypeMismatchError(
        "Tag.create type",
        "a FuncType without results",
        FuncType.is(type) ? String(type) : typeName(type),
      );
    }
    const Constructor = tagConstructor();
    if (Constructor === undefined) {
      throw new UnsupportedFeatureError("Tag.create", "exception handling", "no WebAssembly.Tag");
    }
    const parameters = type.params.map((t) => (t === "funcref" ? "anyfunc" : t));
    let js: object;
    try {
      js = new Constructor({ parameters: [...parameters] });
    } catch (cause) {
      throw new UnsupportedFeatureError("Tag.create", `a tag of ${String(type)}`, String(cause), {
        cause,
      });
    }
    const tag = new Tag(store, Object.freeze({ type }), js);
    store.rememberExtern(tag);
    return tag;
  }

  /** Tells whether `js` is an engine tag object (`WebAssembly.Tag`). */
  static isEngineTag(js: unknown): boolean {
    const Constructor = tagConstructor();
    return Constructor !== undefined && js instanceof Constructor;
  }
}
