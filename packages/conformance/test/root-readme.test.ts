// Keeps the repository's README.md honest: runs its example against the built packages and
// type-checks it under `strict`.
import {
  runReadmeExample,
  TYPECHECK_TIMEOUT,
  typecheckReadmeExample,
  wat,
} from "@wasmcall/test-support";
import { expect, it } from "vitest";

it("runs the repository README's example", async () => {
  const wasmBytes = await wat(`(module
    (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))`);
  const checked = await runReadmeExample(new URL("../../../README.md", import.meta.url), {
    importModule: (specifier) => import(specifier),
    inject: { wasmBytes },
  });
  expect(checked).toBe(1);
});

it(
  "type-checks the repository README's example under strict",
  async () => {
    await typecheckReadmeExample(new URL("../../../README.md", import.meta.url), {
      packageDir: new URL("..", import.meta.url),
      declare: { wasmBytes: "Uint8Array" },
    });
  },
  TYPECHECK_TIMEOUT,
);
