import { TypeMismatchError, typeName, Val } from "@wasmcall/core-types";
import type { GlobalType } from "./extern-type.js";
import type { Store } from "./store.js";
import { globalAccessor } from "./trampoline/global-accessor.js";
import { globalConstant } from "./trampoline/global-constant.js";

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
   * A new global of `type` holding `init`.
   *
   * @throws {TypeMismatchError} when `init` is not of the global's content type.
   */
  static create(store: Store, type: GlobalType, init: Val): Global {
    checkContent("Global.create", type, init);
    if (init.type === "externref" || init.type === "funcref") {
      const descriptor = {
        value: init.type === "funcref" ? "anyfunc" : "externref",
        mutable: type.mutable,
      } as WebAssembly.GlobalDescriptor;
      const ref = init.type === "funcref" ? store.slots.funcJs(init) : init.ref;
      return remembered(new Global(store, type, new WebAssembly.Global(descriptor, ref)));
    }
    const module = new WebAssembly.Module(
      globalConstant(init, type.mutable) as Uint8Array<ArrayBuffer>,
    );
    const js = new WebAssembly.Instance(module).exports.global as WebAssembly.Global;
    return remembered(new Global(store, type, js));
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

function checkContent(subject: string, type: GlobalType, value: Val): void {
  if (!(value instanceof Val) || value.type !== type.content) {
    throw new TypeMismatchError(subject, type.content, typeName(value));
  }
}

function remembered(global: Global): Global {
  global.store.rememberExtern(global);
  return global;
}
