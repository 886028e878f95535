import wabtInit from "wabt";

/** wabt's module interface (the npm `wabt` package, WebAssembly build of the toolkit). */
export type Wabt = Awaited<ReturnType<typeof wabtInit>>;

/** The WebAssembly 2.0 features the text of the suite may use. */
const FEATURES = {
  mutable_globals: true,
  sat_float_to_int: true,
  sign_extension: true,
  simd: true,
  multi_value: true,
  bulk_memory: true,
  reference_types: true,
} as const;

/** Loads wabt (compiling its WebAssembly build); do it once per run. */
export function loadWabt(): Promise<Wabt> {
  return wabtInit();
}

/**
 * Assembles the text-format module `text` into the binary format with wabt: parsed (which
 * resolves names too) and written out without validation (validation is the runtime's job).
 *
 * @throws {Error} wabt's error when it refuses the text.
 */
export function assembleText(wabt: Wabt, filename: string, text: Uint8Array): Uint8Array {
  // wabt reads a view's whole underlying buffer (its size is taken from `buffer.byteLength`),
  // and a string is written out as one byte per UTF-16 unit: give it the exact bytes, copied.
  const module = wabt.parseWat(filename, new Uint8Array(text), FEATURES);
  try {
    return module.toBinary({}).buffer.slice();
  } finally {
    module.destroy();
  }
}
