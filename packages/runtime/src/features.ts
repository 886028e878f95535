/**
 * Switches for WebAssembly features that came after WebAssembly 2.0 and that the JavaScript
 * engines users run already accept. Each is on unless set to `false`: on, the runtime leaves
 * the decision to the engine (a feature the engine lacks is still refused, by the engine);
 * off, {@link Module} refuses modules that use the feature with a `CompileError`, whatever the
 * engine accepts, and with the message the WebAssembly 2.0 specification gives.
 *
 * @example
 * ```ts
 * // Accept only what WebAssembly 2.0 accepts, on any engine:
 * const engine = new Engine({ features: WEBASSEMBLY_2_0 });
 * new Module(engine, twoMemories); // CompileError "invalid module at byte 0x…: multiple memories"
 * // Or switch off one feature: 64-bit memories and tables.
 * new Engine({ features: { memory64: false } });
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
  /**
   * 64-bit memories and tables (memory64, WebAssembly 3.0): limits with flag 0x04. Off:
   * refused with "malformed limits flags".
   *
   * @default true
   */
  readonly memory64?: boolean;
  /**
   * Exception handling (WebAssembly 3.0): the tag section, tag imports and exports, `exnref`,
   * and the instructions `throw`, `throw_ref`, `try_table` (and the legacy `try`, `catch`,
   * `rethrow`, `delegate`, `catch_all`). Off: refused with "malformed section id",
   * "malformed import kind", "malformed value type" or "illegal opcode".
   *
   * @default true
   */
  readonly exceptions?: boolean;
  /**
   * Garbage collection and typed function references (WebAssembly 3.0): struct and array
   * types, recursion groups and subtypes, every reference type but `funcref` and `externref`,
   * and their instructions (`struct.new`, `ref.cast`, `call_ref`, `br_on_null`, `ref.eq`,
   * ...). Off: refused with "malformed type form" (a type), "malformed value type" or
   * "malformed reference type" (a reference type) or "illegal opcode" (an instruction).
   *
   * @default true
   */
  readonly gc?: boolean;
  /**
   * Tail calls (WebAssembly 3.0): `return_call`, `return_call_indirect` (and
   * `return_call_ref`, with `gc`). Off: refused with "illegal opcode".
   *
   * @default true
   */
  readonly tailCall?: boolean;
  /**
   * Relaxed SIMD (WebAssembly 3.0): the vector instructions 0xfd 0x100 to 0x113. Off: refused
   * with "illegal opcode".
   *
   * @default true
   */
  readonly relaxedSimd?: boolean;
}

/** Every switch of {@link Features}, set. */
export type EnabledFeatures = Readonly<Required<Features>>;

/** Fills in the defaults (every feature on) of `features`. */
export function enabledFeatures(features: Features = {}): EnabledFeatures {
  return Object.freeze({
    multiMemory: features.multiMemory ?? true,
    extendedConst: features.extendedConst ?? true,
    anyGlobalInConstExpr: features.anyGlobalInConstExpr ?? true,
    memory64: features.memory64 ?? true,
    exceptions: features.exceptions ?? true,
    gc: features.gc ?? true,
    tailCall: features.tailCall ?? true,
    relaxedSimd: features.relaxedSimd ?? true,
  });
}

/** Every feature on: what the runtime does when no switch is given. */
export const ALL_FEATURES: EnabledFeatures = enabledFeatures();

/**
 * Every switch of {@link Features} off: an engine with these features accepts what
 * WebAssembly 2.0 accepts and refuses the rest with 2.0's messages, whatever the JavaScript
 * engine would accept.
 */
export const WEBASSEMBLY_2_0: EnabledFeatures = Object.freeze({
  multiMemory: false,
  extendedConst: false,
  anyGlobalInConstExpr: false,
  memory64: false,
  exceptions: false,
  gc: false,
  tailCall: false,
  relaxedSimd: false,
});
