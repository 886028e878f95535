import type { FuncType } from "@wasmcall/core-types";
import type { HostCallback } from "../func.js";
import type { Store } from "../store.js";
import { hasHostAdapter, hostAdapter } from "../trampoline/host-adapter.js";
import { hostCodegenAllowed, hostMaker } from "./host-source.js";

/**
 * The wasm function of a host function of `type` (interned) in `store` whose body is
 * `callback`, made through a host adapter (see `hostAdapter`) and code generated for the
 * signature (see `hostMaker`): the parameters reach JavaScript as ordinary arguments (floats as
 * their bits) and the result goes back the same way, so no slot is written (but an f64
 * result's high word). Undefined when the type needs the slot trampoline (v128, several results,
 * or more f64 parameters than an adapter may pass) or generated code is off (the engine's
 * `codegen` option, or a host that refuses `new Function`). Errors name the function `label`.
 *
 * The instance is kept by the function alone: the store keeps nothing of it.
 */
export function adaptedHost(
  store: Store,
  type: FuncType,
  callback: HostCallback,
  label: string,
): unknown {
  const engine = store.engine;
  if (!hasHostAdapter(type) || !engine.codegen || !hostCodegenAllowed) return undefined;
  const slots = store.slots;
  const host = hostMaker(type)(callback, {
    subject: `${label} ${type}`,
    funcOf: (js) => store.funcOf(js),
    funcJs: (val, subject) => slots.funcJs(val, subject),
    high: slots.u32,
  });
  const module = engine.compiledModule(`host-adapter:${type.key}`, () => hostAdapter(type));
  const env: Record<string, unknown> = { host };
  if (type.results[0] === "f64") env.slots = slots.memory;
  return new WebAssembly.Instance(module, { env } as WebAssembly.Imports).exports.func;
}
