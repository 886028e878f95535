import { CompileError } from "@wasmcall/core-types";
import { ModuleStream } from "./binary/module-stream.js";
import { type Compiled, compileAsync, compileError, HIDDEN_EXPORT_PREFIX } from "./compile.js";
import type { EnabledFeatures } from "./features.js";

/**
 * Compiles the module in the body of `source` (a response, or a promise of one) as its bytes
 * arrive, with `WebAssembly.compileStreaming` where the engine has it: the body is transformed
 * section by section on its way to the engine (see {@link ModuleStream}). Without
 * `compileStreaming`, the whole body is read first and compiled with {@link compileAsync}.
 *
 * The response's `Content-Type` goes to the engine with the transformed body, so an engine
 * that insists on `application/wasm` (the WebAssembly Web API requires it of
 * `compileStreaming`, and browsers, Node, Deno and Bun insist) refuses another type as it would
 * refuse the original response.
 *
 * @throws {CompileError} (as a rejection) when `source` rejects, the response's status is not
 * ok, its body was read already, the engine refuses its content type, the body fails or ends
 * inside the module, or the bytes are malformed or invalid or use a feature that is off.
 */
export async function compileStreaming(
  source: Response | PromiseLike<Response>,
  features: EnabledFeatures,
): Promise<Compiled> {
  let response: Response;
  try {
    response = await source;
  } catch (cause) {
    throw new CompileError(`no response to compile: ${messageOf(cause)}`, { cause });
  }
  checkResponse(response);
  if (typeof WebAssembly.compileStreaming !== "function") {
    let bytes: ArrayBuffer;
    try {
      bytes = await response.arrayBuffer();
    } catch (cause) {
      throw new CompileError(`reading the response failed: ${messageOf(cause)}`, { cause });
    }
    return compileAsync(bytes, features);
  }

  const stream = new ModuleStream(features, HIDDEN_EXPORT_PREFIX);
  const body = (response.body as ReadableStream<Uint8Array>).pipeThrough(
    new TransformStream(stream),
  );
  const contentType = response.headers.get("content-type");
  const transformed = new Response(body, {
    headers: contentType === null ? {} : { "content-type": contentType },
  });
  let js: WebAssembly.Module;
  try {
    js = await WebAssembly.compileStreaming(transformed);
  } catch (cause) {
    if (!body.locked) body.cancel(cause).catch(() => {});
    if (stream.failure !== undefined) throw stream.failure;
    if (cause instanceof WebAssembly.CompileError) throw compileError(cause);
    throw new CompileError(`cannot compile the response: ${messageOf(cause)}`, { cause });
  }
  return { info: stream.info(), js };
}

/** Throws the {@link CompileError} for a response that holds no module to compile. */
function checkResponse(response: Response): void {
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    const from = response.url ? ` from ${response.url}` : "";
    throw new CompileError(`cannot compile a response with HTTP status ${status}${from}`);
  }
  if (response.bodyUsed) throw new CompileError("the response's body has been read already");
  if (response.body === null) throw new CompileError("the response has no body");
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
