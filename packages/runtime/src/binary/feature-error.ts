import type { CompileError } from "@wasmcall/core-types";

const refusals = new WeakSet<CompileError>();

/**
 * Marks `error` as the refusal of a feature switched off in the engine's features, and returns
 * it. Such an error is thrown as is: the JavaScript engine, which may accept the feature, is not
 * asked for its own error first.
 */
export function featureRefusal(error: CompileError): CompileError {
  refusals.add(error);
  return error;
}

/** Tells whether `error` was marked by {@link featureRefusal}. */
export function isFeatureRefusal(error: unknown): boolean {
  return refusals.has(error as CompileError);
}
