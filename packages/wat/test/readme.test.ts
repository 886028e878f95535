// Keeps README.md honest: runs its first ```ts example against the built packages and checks
// that every `console.log(...); // output` line prints that output, and that it type-checks
// under `strict`.
import {
  runReadmeExample,
  TYPECHECK_TIMEOUT,
  typecheckReadmeExample,
} from "@wasmcall/test-support";
import { expect, it } from "vitest";

it("runs the README's example, every commented output as printed", async () => {
  const checked = await runReadmeExample(new URL("../README.md", import.meta.url), {
    importModule: (specifier) => import(specifier),
  });
  expect(checked).toBe(4);
});

it(
  "type-checks the README's example under strict",
  async () => {
    await typecheckReadmeExample(new URL("../README.md", import.meta.url), {
      packageDir: new URL("..", import.meta.url),
    });
  },
  TYPECHECK_TIMEOUT,
);
