import { FuncType, TypeMismatchError, typeName, type ValType } from "@wasmcall/core-types";
import { CallPlan } from "./call/call-plan.js";
import { type EnabledFeatures, enabledFeatures, type Features } from "./features.js";

/** The options of an {@link Engine}. */
export interface EngineOptions {
  /**
   * WebAssembly features to switch off (see {@link Features}); every feature the JavaScript
   * engine accepts is allowed by default.
   */
  readonly features?: Features;
  /**
   * Whether dynamic calls use code generated per signature (`new Function`, built from the
   * type alone), the fastest way; off, they use closures written for any type, exact and
   * checked the same. Where the host refuses `new Function` (a page whose
   * Content-Security-Policy lacks `unsafe-eval`) calls use the closures whatever this says.
   * @default true
   */
  readonly codegen?: boolean;
}

/**
 * The compilation environment shared by stores: it holds the features modules may use,
 * interns function types and caches the compiled trampoline modules (one per signature and
 * kind), so that every store and function of one signature shares them.
 *
 * The trampolines and accessor modules the runtime generates are compiled and instantiated
 * synchronously: each is a few hundred bytes, far below the size at which Chromium refuses
 * synchronous compilation on the main thread.
 *
 * @example
 * ```ts
 * const engine = new Engine();
 * const t = engine.funcType(["i32", "i32"], ["i32"]);
 * t === engine.funcType(["i32", "i32"], ["i32"]); // true: one object per signature
 *
 * const strict = new Engine({ features: { multiMemory: false } });
 * new Module(strict, twoMemories); // CompileError "invalid module at byte 0x…: multiple memories"
 * ```
 */
export class Engine {
  /** The features modules compiled for this engine may use: every switch, set. */
  readonly features: EnabledFeatures;
  readonly #typesByKey = new Map<string, FuncType>();
  readonly #typeIndex = new Map<FuncType, number>();
  readonly #registry: FuncType[] = [];
  readonly #modules = new Map<string, WebAssembly.Module>();
  readonly #plans = new Map<FuncType, CallPlan>();
  readonly #codegen: boolean;

  /**
   * Makes an engine; `options.features` switches WebAssembly features off, `options.codegen`
   * generated calls.
   *
   * @throws {TypeMismatchError} when `options.codegen` is given and not a boolean.
   */
  constructor(options: EngineOptions = {}) {
    const codegen = options.codegen ?? true;
    if (typeof codegen !== "boolean") {
      throw new TypeMismatchError("Engine: options.codegen", "a boolean", typeName(codegen));
    }
    this.features = enabledFeatures(options.features);
    this.#codegen = codegen;
    Object.freeze(this);
  }

  /**
   * Whether the engine was asked for code generated per signature (`options.codegen`): what
   * dynamic calls and host functions use when the host allows `new Function`.
   */
  get codegen(): boolean {
    return this.#codegen;
  }

  /** Tells whether `value` is an `Engine` (an object made to look like one is not). */
  static is(value: unknown): value is Engine {
    // A private field read is the brand test engines compile best (see `Val.is`).
    try {
      return (value as Engine).#typesByKey !== undefined;
    } catch {
      return false;
    }
  }

  /**
   * The interned {@link FuncType} `(params) -> (results)`: equal signatures share one object.
   *
   * @throws {TypeMismatchError} when `params` or `results` is not an array of value types.
   */
  funcType(params: readonly ValType[], results: readonly ValType[]): FuncType {
    return this.intern(new FuncType(params, results));
  }

  /**
   * The engine's shared object for `type`'s signature (registering it on first sight).
   *
   * @throws {TypeMismatchError} when `type` is not a `FuncType` (a look-alike object is not).
   */
  intern(type: FuncType): FuncType {
    if (!FuncType.is(type)) throw new TypeMismatchError("intern", "a FuncType", typeName(type));
    const known = this.#typesByKey.get(type.key);
    if (known !== undefined) return known;
    this.#typesByKey.set(type.key, type);
    this.#typeIndex.set(type, this.#registry.length);
    this.#registry.push(type);
    return type;
  }

  /**
   * The registry index of an interned type: a small integer naming the signature within this
   * engine.
   *
   * @throws {RangeError} when `type` was not interned by this engine.
   */
  typeIndex(type: FuncType): number {
    const index = this.#typeIndex.get(type);
    if (index === undefined) throw new RangeError(`type ${type} is not interned by this engine`);
    return index;
  }

  /**
   * The type registered under `index`: the registry look-up a function's type index resolves
   * through.
   *
   * @throws {RangeError} for an index the registry does not hold.
   */
  typeAt(index: number): FuncType {
    const type = this.#registry[index];
    if (type === undefined) throw new RangeError(`no function type with index ${index}`);
    return type;
  }

  /**
   * The compiled module cached under `key`, compiling the bytes from `build` on first use. The
   * runtime keeps its trampolines here: keys name the kind and the signature.
   */
  compiledModule(key: string, build: () => Uint8Array): WebAssembly.Module {
    let module = this.#modules.get(key);
    if (module === undefined) {
      module = new WebAssembly.Module(build() as Uint8Array<ArrayBuffer>);
      this.#modules.set(key, module);
    }
    return module;
  }

  /** The engine's {@link CallPlan} for `type` (interned first), made on first use. */
  callPlan(type: FuncType): CallPlan {
    const interned = this.intern(type);
    let plan = this.#plans.get(interned);
    if (plan === undefined) {
      plan = new CallPlan(interned, this.#codegen);
      this.#plans.set(interned, plan);
    }
    return plan;
  }
}
