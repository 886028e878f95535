import type { Val, ValType } from "@wasmcall/core-types";
import type { HostCallback, Instance, Slots } from "@wasmcall/runtime";

/** One call's arguments and the results it must return. */
export interface Example {
  /** The arguments, as `Val`s (the raw and typed contestants pass their JavaScript values). */
  readonly args: readonly Val[];
  /** The results a correct call returns. */
  readonly expected: readonly Val[];
}

/**
 * A host-to-wasm workload: JavaScript calls the export `f` of a small module, as Wasmtime's
 * benches/call.rs and wasmi's bare_call_N do. The module also exports `nop`, which serves as
 * the function a funcref argument refers to.
 */
export interface CallWorkload {
  readonly kind: "call";
  /** The workload's name in tables, reports and `--filter`. */
  readonly name: string;
  /** What `f` is, for the reader: its signature and what its body does. */
  readonly summary: string;
  /** The parameter types of `f`. */
  readonly params: readonly ValType[];
  /** The result types of `f`. */
  readonly results: readonly ValType[];
  /** The body of `f` in the WebAssembly text format (instructions only). */
  readonly body: string;
  /** The arguments every call passes and what they must return, for an instance. */
  example(instance: Instance): Example;
}

/** A host function's body, once for each way of defining a host function. */
export interface HostBodies {
  /** A plain JavaScript function, converted by the engine (JS API import, `Func.wrap`, typed). */
  readonly js: (...args: never[]) => unknown;
  /** A `Func.host` callback, on `Val`s. */
  readonly val: HostCallback;
  /** A `Func.hostRaw` dispatcher over the store's slots, made once per store. */
  readonly raw: (slots: Slots) => () => void;
}

/**
 * A wasm-to-host workload, after Wasmtime's wasm-to-host benches: the export `run(n)` calls the
 * imported host function `env.host` `n` times in a wasm loop; the figures are per host call.
 */
export interface HostWorkload {
  readonly kind: "host";
  /** The workload's name in tables, reports and `--filter`. */
  readonly name: string;
  /** What the host function is, for the reader. */
  readonly summary: string;
  /** The host function's parameter types. */
  readonly params: readonly ValType[];
  /** The host function's result types. */
  readonly results: readonly ValType[];
  /** The module (text format) importing `env.host` and exporting `run: (i32) -> (r)`. */
  readonly wat: string;
  /** How many host calls one `run` makes. */
  readonly callsPerRun: number;
  /** What `run(callsPerRun)` returns when every host call is right. */
  readonly expected: Val;
  /** The host function's body for each way of defining it. */
  readonly bodies: HostBodies;
}

/** Any workload. */
export type Workload = CallWorkload | HostWorkload;
