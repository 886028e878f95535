/**
 * Switches for WebAssembly features that came after WebAssembly 2.0 and that the JavaScript
 * engines users run already accept. Each is on unless set to `false`: on, the runtime leaves
 * the decision to the engine (a feature the engine lacks is still refused, by the engine);
 * off, {@link Module} refuses modules that use the feature with a `CompileError`, whatever the
 * engine accepts, and with the message the WebAssembly 2.0 specification gives.
 *
 * @example
 * ```ts
 * // Accept only what WebAssembly 2.0 accepts of these features, on any engine:
 * const engine = new Engine({
 *   features: { multiMemory: false, extendedConst: false, anyGlobalInConstExpr: false },
 * });
 * new Module(engine, twoMemories); // CompileError "invalid module at byte 0x…: multiple memories"
 * ```
 */
export interface Features {
  /**
   * Multiple memories (the multi-memory proposal, WebAssembly 3.0): more than one memory, and
   * memory indices in the memory instructions. Off: a second memory is refused with "multiple
   * memories"; the reserved byte of `memory.size`, `memory.grow`, `memory.init`, `memory.copy`
   * and `memory.fill` must be a single zero byte ("zero byte expected", also for a zero written
   * in more than one byte); a load or store whose alignment field has the memory-index bit
   * (0x40) set is refused with "alignment must not be larger than natural". The last two are
   * found by walking the instructions of every function body, which only happens when this
   * switch is off.
   *
   * @default true
   */
  readonly multiMemory?: boolean;
  /**
   * Extended constant expressions (WebAssembly 3.0): `i32.add`, `i32.sub`, `i32.mul`,
   * `i64.add`, `i64.sub` and `i64.mul` in constant expressions (global initialisers, segment
   * offsets, element expressions). Off: refused with "constant expression required".
   *
   * @default true
   */
  readonly extendedConst?: boolean;
  /**
   * `global.get` of a global the module defines itself in a constant expression (from the
   * garbage collection proposal, WebAssembly 3.0; WebAssembly 2.0 allows only imported globals
   * there). Off: refused with "unknown global".
   *
   * @default true
   */
  readonly anyGlobalInConstExpr?: boolean;
}

/** Every switch of {@link Features}, set. */
export type EnabledFeatures = Readonly<Required<Features>>;

/** Fills in the defaults (every feature on) of `features`. */
export function enabledFeatures(features: Features = {}): EnabledFeatures {
  return Object.freeze({
    multiMemory: features.multiMemory ?? true,
    extendedConst: features.extendedConst ?? true,
    anyGlobalInConstExpr: features.anyGlobalInConstExpr ?? true,
  });
}

/** Every feature on: what the runtime does when no switch is given. */
export const ALL_FEATURES: EnabledFeatures = enabledFeatures();
