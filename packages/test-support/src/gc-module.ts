/**
 * A module of WebAssembly 3.0's garbage collection types (assembled from this text by
 * binaryen 132's `parseText`, as the text tools of the test suite cannot write it):
 *
 * ```wat
 * (module
 *   (type $point (struct (field i32) (field f64)))
 *   (type $shape (sub (struct (field i32))))
 *   (type $square (sub final $shape (struct (field i32) (field f32))))
 *   (import "env" "host" (func $host (param anyref i32) (result anyref)))
 *   (func (export "point") (param i32 f64) (result (ref $point))
 *     (struct.new $point (local.get 0) (local.get 1)))
 *   (func (export "x") (param (ref null $point)) (result i32)
 *     (if (result i32) (ref.is_null (local.get 0))
 *       (then (i32.const -1))
 *       (else (struct.get $point 0 (local.get 0)))))
 *   (func (export "y") (param (ref $point)) (result f64)
 *     (struct.get $point 1 (local.get 0)))
 *   (func (export "with_v128") (param (ref $point) v128) (result v128 anyref)
 *     (local.get 1) (local.get 0))
 *   (func (export "any") (param anyref) (result anyref) (local.get 0))
 *   (func (export "eq") (param eqref) (result eqref) (local.get 0))
 *   (func (export "i31") (param i32) (result (ref i31)) (ref.i31 (local.get 0)))
 *   (func (export "i31_get") (param (ref i31)) (result i32) (i31.get_s (local.get 0)))
 *   (func (export "square") (param i32 f32) (result (ref $square))
 *     (struct.new $square (local.get 0) (local.get 1)))
 *   (func (export "side") (param (ref $shape)) (result i32) (struct.get $shape 0 (local.get 0)))
 *   (func (export "via_host") (param anyref) (result anyref)
 *     (call $host (local.get 0) (i32.const 3)))
 *   (func (export "func") (param (ref func)) (result funcref) (local.get 0))
 *   (func (export "exn") (param exnref))
 * )
 * ```
 */
export const GC_MODULE: Uint8Array = bytesOfBase64(
  "AGFzbQEAAAABZBBfAn8AfABQAF8BfwBPAQFfAn8AfQBgAm5/AW5gAn98AWQAYAFjAAF/YAFkAAF8YAJkAHsCe25gAW4BbmABbQFtYAF/AWRsYAFkbAF/YAJ/fQFkAmABZAEBf2ABZHABcGABaQACDAEDZW52BGhvc3QAAwMODQQFBgcICQoLDA0IDg8HYA0FcG9pbnQAAQF4AAIBeQADCXdpdGhfdjEyOAAEA2FueQAFAmVxAAYDaTMxAAcHaTMxX2dldAAIBnNxdWFyZQAJBHNpZGUACgh2aWFfaG9zdAALBGZ1bmMADANleG4ADQppDQkAIAAgAfsAAAsRACAA0QR/QX8FIAD7AgAACwsIACAA+wIAAQsGACABIAALBAAgAAsEACAACwYAIAD7HAsGACAA+x0LCQAgACAB+wACCwgAIAD7AgEACwgAIABBAxAACwQAIAALAgAL",
);

/** Whether this JavaScript engine compiles modules with garbage collection types. */
export const GC_SUPPORTED: boolean = (() => {
  try {
    return WebAssembly.validate(GC_MODULE as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
})();

/** The bytes of base64 text `text` (with `atob`, which every runtime of the matrix has). */
function bytesOfBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
