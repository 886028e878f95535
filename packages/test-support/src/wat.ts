import wabtInit from "wabt";

type Wabt = Awaited<ReturnType<typeof wabtInit>>;

/** The post-MVP features a test may switch on or off (wabt's names). */
export type WatFeatures = NonNullable<Parameters<Wabt["parseWat"]>[2]>;

/** Options of {@link wat}. */
export interface WatOptions {
  /**
   * Features to enable or disable, on top of the defaults: SIMD, reference types, multi-value
   * and bulk memory on (what Node 20 supports and wasmcall passes values of).
   */
  readonly features?: WatFeatures;
  /** Whether wabt validates the module first (default true); false assembles invalid modules. */
  readonly validate?: boolean;
}

const DEFAULT_FEATURES: WatFeatures = {
  simd: true,
  reference_types: true,
  multi_value: true,
  bulk_memory: true,
};

let wabt: Promise<Wabt> | undefined;

/**
 * Validates `module` with `features`: wabt's `validate` takes the features (and checks with
 * its defaults without them), though its typings do not say so.
 */
function validateWith(module: ReturnType<Wabt["parseWat"]>, features: WatFeatures): void {
  (module.validate as (this: typeof module, features: WatFeatures) => void).call(module, features);
}

/**
 * Assembles a module in the WebAssembly text format into its binary, for tests.
 *
 * Throws wabt's error, with line and column, when the text does not parse or (unless
 * `validate` is false) the module does not validate.
 *
 * @example
 * ```ts
 * const bytes = await wat(`(module (func (export "f") (result i32) i32.const 1))`);
 * new WebAssembly.Module(bytes);
 * ```
 */
export async function wat(
  text: string,
  options: WatOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  wabt ??= wabtInit();
  const features = { ...DEFAULT_FEATURES, ...options.features };
  // wabt writes a string one byte per character: hand it UTF-8 bytes, in a buffer of their own.
  const module = (await wabt).parseWat("test.wat", new TextEncoder().encode(text), features);
  try {
    if (options.validate ?? true) validateWith(module, features);
    return module.toBinary({}).buffer.slice();
  } finally {
    module.destroy();
  }
}
