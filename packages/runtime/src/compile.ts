import { CompileError } from "@wasmcall/core-types";
import { isFeatureRefusal } from "./binary/feature-error.js";
import type { ModuleInfo } from "./binary/module-info.js";
import { readModule } from "./binary/read-module.js";
import type { EnabledFeatures } from "./features.js";

/** The bytes of a module in the binary format: any buffer or view of one. */
export type ModuleBytes = ArrayBuffer | ArrayBufferView;

/** A module compiled from the caller's bytes, and what was read from them. */
export interface Compiled {
  readonly info: ModuleInfo;
  readonly js: WebAssembly.Module;
}

/**
 * Reads `bytes` and compiles them, as they are, synchronously: the engine accepts exactly the
 * modules it would accept from the caller, and its errors name offsets in the caller's bytes.
 *
 * When the binary reader refuses the bytes, the engine's own error is thrown where the engine
 * refuses them too (it words problems as users of that engine know them); the refusal of a
 * feature switched off in `features` is thrown as is, since the engine may accept the feature.
 *
 * @throws {CompileError} when the bytes are malformed or invalid, or use a feature that is off.
 */
export function compileSync(bytes: ModuleBytes, features: EnabledFeatures): Compiled {
  const input = engineInput(bytes, features);
  let js: WebAssembly.Module;
  try {
    js = new WebAssembly.Module(input.bytes);
  } catch (cause) {
    throw compileFailure(cause);
  }
  return compiled(input, js);
}

/**
 * Reads `bytes` and compiles them, as they are, without blocking the thread
 * (the engine's compilation is asynchronous; reading the sections is not). Errors as
 * {@link compileSync} gives them.
 *
 * @throws {CompileError} (as a rejection) when the bytes are malformed or invalid, or use a
 * feature that is off.
 */
export async function compileAsync(
  bytes: ModuleBytes,
  features: EnabledFeatures,
): Promise<Compiled> {
  const input = engineInput(bytes, features);
  const js = await WebAssembly.compile(input.bytes).catch((cause: unknown) => {
    throw compileFailure(cause);
  });
  return compiled(input, js);
}

/**
 * The bytes the engine compiles, with what was read from them or the binary reader's `refusal`
 * of them (thrown unless the engine refuses them too).
 */
type EngineInput =
  | { readonly bytes: Uint8Array<ArrayBuffer>; readonly info: ModuleInfo }
  | { readonly bytes: Uint8Array<ArrayBuffer>; readonly refusal: unknown };

/** Reads `bytes`; throws the refusal of a feature switched off in `features` at once. */
function engineInput(bytes: ModuleBytes, features: EnabledFeatures): EngineInput {
  const view = toBytes(bytes);
  let info: ModuleInfo;
  try {
    info = readModule(view, features);
  } catch (error) {
    if (isFeatureRefusal(error)) throw error;
    return { bytes: view, refusal: error };
  }
  return { bytes: view, info };
}

/** The compiled module `js` of `input`, or the reader's refusal when the engine accepted it. */
function compiled(input: EngineInput, js: WebAssembly.Module): Compiled {
  if ("refusal" in input) throw input.refusal;
  return { info: input.info, js };
}

/**
 * What a failed compilation throws for the engine's error `cause`: its
 * `WebAssembly.CompileError` as a {@link CompileError} with the same message and the original
 * as `cause`; anything else unchanged (a `RangeError` where the engine refuses to compile a
 * large module synchronously is not a fault of the bytes).
 */
export function compileFailure(cause: unknown): unknown {
  if (!(cause instanceof WebAssembly.CompileError)) return cause;
  return new CompileError(cause.message, { cause });
}

function toBytes(bytes: ModuleBytes): Uint8Array<ArrayBuffer> {
  if (ArrayBuffer.isView(bytes)) {
    return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  }
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  throw new CompileError(`expected the bytes of a module, got ${typeof bytes}`);
}
