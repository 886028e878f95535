/**
 * The first ```ts block of `markdown` (its text between the fences).
 *
 * @throws {Error} when there is none.
 */
export function firstTsBlock(markdown: string): string {
  const block = /^```ts\n([\s\S]*?)^```$/m.exec(markdown)?.[1];
  if (block === undefined) throw new Error("the README has no ```ts block");
  return block;
}
