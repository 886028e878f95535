import wabtInit from "wabt";

let wabt: ReturnType<typeof wabtInit> | undefined;

/**
 * Assembles a module in the WebAssembly text format into its binary, with the features the
 * workloads use (SIMD, reference types, multi-value) switched on.
 *
 * @throws {Error} wabt's error, with line and column, when the text does not parse or validate.
 */
export async function assemble(text: string): Promise<Uint8Array<ArrayBuffer>> {
  wabt ??= wabtInit();
  const features = { simd: true, reference_types: true, multi_value: true };
  const module = (await wabt).parseWat("workload.wat", text, features);
  try {
    // wabt's validate takes the features too (its typings do not say so).
    (module.validate as (this: typeof module, f: typeof features) => void).call(module, features);
    return module.toBinary({}).buffer.slice();
  } finally {
    module.destroy();
  }
}
