import { CompileError, typeName } from "@wasmcall/core-types";
import { ModuleStream } from "./binary/module-stream.js";
import { type Compiled, compileAsync, compileFailure } from "./compile.js";
import type { EnabledFeatures } from "./features.js";

/**
 * Compiles the module in the body of `source` (a response, or a promise of one) as its bytes
 * arrive, with `WebAssembly.compileStreaming` where the engine has it: the body passes to the
 * engine unchanged, and the types are read from its sections on the way (see
 * {@link ModuleStream}). Without `compileStreaming`, the whole body is read first and compiled
 * with {@link compileAsync}.
 *
 * The bytes the engine refuses are refused with the engine's own error, as {@link compileAsync}
 * refuses them (its offsets are those of the response's bytes); a switched-off feature is
 * refused with the binary reader's error, before the engine has the whole body.
 *
 * The response's `Content-Type` goes to the engine with the body, so an engine
 * that insists on `application/wasm` (the WebAssembly Web API requires it of
 * `compileStreaming`; Chromium, Firefox, Node, Deno and Bun insist) refuses another type as it
 * would refuse the original response.
 *
 * @throws {CompileError} (as a rejection) when `source` is not a `Response` or a promise of one,
 * `source` rejects, the response's status is not ok, its body was read already, the engine refuses its content type, the body fails ("reading
 * the response failed: ...", with the body's error as `cause`) or ends inside the module, or
 * the bytes are malformed or invalid or use a feature that is off.
 */
export async function compileStreaming(
  source: Response | PromiseLike<Response>,
  features: EnabledFeatures,
): Promise<Compiled> {
  let response: unknown;
  try {
    response = await source;
  } catch (cause) {
    throw new CompileError(`no response to compile: ${messageOf(cause)}`, { cause });
  }
  if (typeof Response !== "function" || !(response instanceof Response)) {
    throw new CompileError(
      `Module.compileStreaming: expected a Response or a promise of one, found ${typeName(response)}`,
    );
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

  const stream = new ModuleStream(features);
  const input = watched(response.body as ReadableStream<Uint8Array>);
  const body = input.stream.pipeThrough(new TransformStream(stream));
  const contentType = response.headers.get("content-type");
  const passed = new Response(body, {
    headers: contentType === null ? {} : { "content-type": contentType },
  });
  let js: WebAssembly.Module | undefined;
  let engineError: unknown;
  try {
    js = await WebAssembly.compileStreaming(passed);
  } catch (cause) {
    engineError = cause;
    if (!body.locked) body.cancel(cause).catch(() => {});
  }
  // The body's failure and the module's first: the engine then saw the stream end early.
  const failure = input.failure();
  if (failure !== undefined) {
    throw new CompileError(`reading the response failed: ${messageOf(failure.error)}`, {
      cause: failure.error,
    });
  }
  if (stream.failure !== undefined) throw stream.failure;
  if (js === undefined) {
    if (engineError instanceof WebAssembly.CompileError) throw compileFailure(engineError);
    throw new CompileError(`cannot compile the response: ${messageOf(engineError)}`, {
      cause: engineError,
    });
  }
  if (stream.refusal !== undefined) throw stream.refusal;
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

/**
 * `body`, passed on chunk by chunk, remembering the error it fails with; the stream then ends
 * rather than errors (an engine reading it would report the error in its own words, and some
 * engines report an errored stream on the console even when the rejection is handled).
 */
function watched(body: ReadableStream<Uint8Array>): {
  stream: ReadableStream<Uint8Array>;
  failure: () => { error: unknown } | undefined;
} {
  const reader = body.getReader();
  let failure: { error: unknown } | undefined;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        failure = { error };
        chunk = { done: true, value: undefined };
      }
      if (cancelled) return;
      if (chunk.done) controller.close();
      else controller.enqueue(chunk.value);
    },
    cancel(reason) {
      cancelled = true;
      return reader.cancel(reason);
    },
  });
  return { stream, failure: () => failure };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
