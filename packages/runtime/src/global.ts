import {
  isValType,
  TypeMismatchError,
  typeName,
  VAL_TYPES,
  Val,
  type ValType,
} from "@wasmcall/core-types";
import { isValFor } from "./call/arg-tests.js";
import type { GlobalType } from "./extern-type.js";
import { externTypeText } from "./extern-type-text.js";
import { JS_API_REF_TYPES, jsApiRefName, withGcTypes } from "./js-api-ref-types.js";
import type { Store } from "./store.js";
import { globalAccessor } from "./trampoline/global-accessor.js";
import { globalConstant } from "./trampoline/global-constant.js";
import { withWatText } from "./wat-text.js";

/**
 * A WebAssembly global of a store: exported by an instance or made with {@link Global.create}.
 * Its value is read and written exactly, through a generated accessor module: NaN payloads and
 * v128 values survive, which the JavaScript API's `WebAssembly.Global.value` cannot promise.
 *
 * @example
 * ```ts
 * const g = Global.create(store, { content: "f32", mutable: true }, Val.f32Bits(0x7fa00000));
 * g.get().f32Bits(); // 0x7fa00000
 * ```
 */
export class Global {
  /** The store the global belongs to. */
  readonly store: Store;
  /** The global's type. */
  readonly type: GlobalType;
  /** The engine's global object. */
  readonly js: WebAssembly.Global;
  #accessor: { get: () => void; set?: () => void } | undefined;

  /** Wraps the engine's global `js` of `store`, whose type is `type`. */
  constructor(store: Store, type: GlobalType, js: WebAssembly.Global) {
    this.store = store;
    this.type = type;
    this.js = js;
  }

  /**
   * A new global of `type` holding `init`: of a number type, v128, or a reference type the
   * JavaScript API names (`funcref`, `externref`, and with garbage collection `anyref`, `eqref`,
   * `i31ref`, `structref`, `arrayref`).
   *
   * @throws {TypeMismatchError} when `type` is not an object whose `content` is such a type
   * and whose `mutable` is a boolean, or `init` is not of the content type.
   * @throws {StoreMismatchError} when `init` is a funcref of another store.
   * @throws {UnsupportedFeatureError} for a GC reference type on an engine without garbage
   * collection.
   */
  static create(store: Store, type: GlobalType, init: Val): Global {
    const checked = checkType(type);
    const content = checkContent("Global.create", checked, init);
    const name = jsApiRefName(content);
    if (name !== undefined) {
      const descriptor = { value: name, mutable: checked.mutable } as WebAssembly.GlobalDescriptor;
      const ref = content === "funcref" ? store.slots.funcJs(init) : Val.refOf(init);
      const js = withGcTypes(
        "Global.create",
        content,
        () => new WebAssembly.Global(descriptor, ref),
      );
      return remembered(new Global(store, checked, js));
    }
    const module = new WebAssembly.Module(
      globalConstant(init, checked.mutable) as Uint8Array<ArrayBuffer>,
    );
    const js = new WebAssembly.Instance(module).exports.global as WebAssembly.Global;
    return remembered(new Global(store, checked, js));
  }

  /** The global's value, exact. */
  get(): Val {
    this.#access().get();
    return this.store.slots.read(0, this.type.content);
  }

  /**
   * Sets the global's value.
   *
   * @throws {TypeMismatchError} when the global is immutable or `value` has another type.
   * @throws {StoreMismatchError} for a funcref of another store.
   */
  set(value: Val): void {
    if (!this.type.mutable) {
      throw new TypeMismatchError("Global.set", "a mutable global", "an immutable global");
    }
    checkContent("Global.set", this.type, value);
    const access = this.#access();
    this.store.slots.write(0, value);
    access.set?.();
  }

  #access(): { get: () => void; set?: () => void } {
    if (this.#accessor === undefined) {
      const { content, mutable } = this.type;
      const module = this.store.engine.compiledModule(`global:${content}:${mutable}`, () =>
        globalAccessor(content, mutable),
      );
      const instance = new WebAssembly.Instance(
        module,
        this.store.slots.importObject({ global: this.js }),
      );
      this.#accessor = instance.exports as unknown as { get: () => void; set?: () => void };
    }
    return this.#accessor;
  }
}

/** `type` when it is a global type, as a frozen copy. */
function checkType(type: unknown): GlobalType {
  if (typeof type !== "object" || type === null) {
    throw new TypeMismatchError(
      "Global.create",
      "a type object ({ content, mutable })",
      typeName(type),
    );
  }
  const { content, mutable } = type as Record<string, unknown>;
  const made =
    VAL_TYPES.includes(content as ValType) ||
    (isValType(content) && jsApiRefName(content) !== undefined);
  if (!made) {
    const wanted = isValType(content)
      ? `a number type, v128 or one of ${JS_API_REF_TYPES} (Global.create makes globals of no other)`
      : "a value type";
    throw new TypeMismatchError("Global.create content", wanted, String(content));
  }
  if (typeof mutable !== "boolean") {
    throw new TypeMismatchError("Global.create mutable", "a boolean", typeName(mutable));
  }
  const checked: GlobalType = { content: content as ValType, mutable };
  return withWatText(checked, externTypeText({ kind: "global", type: checked }));
}

/** The type of `value`, checked to be a `Val` of the global's content type. */
function checkContent(subject: string, type: GlobalType, value: Val): GlobalType["content"] {
  if (!isValFor(value, type.content)) {
    throw new TypeMismatchError(subject, type.content, typeName(value));
  }
  return type.content;
}

function remembered(global: Global): Global {
  global.store.rememberExtern(global);
  return global;
}
