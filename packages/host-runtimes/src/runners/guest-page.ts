/**
 * The page a browser opens to run the guest script at URL path `src` as a module. A script that
 * cannot be loaded is reported as the guest's failure.
 */
export function guestPage(src: string): string {
  const report = `fetch('/__failure',{method:'POST',body:JSON.stringify({message:'could not load the guest script ${src}'})})`;
  return [
    "<!doctype html>",
    '<html><head><meta charset="utf-8"><title>wasmcall guest</title>',
    '<link rel="icon" href="data:,">',
    `<script type="module" src="${src}" onerror="${report}"></script>`,
    "</head><body></body></html>",
  ].join("\n");
}
