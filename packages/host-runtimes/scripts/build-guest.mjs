// Bundles the guest entry src/guest.ts -> dist/guest.js with the options of a guest bundle (no
// Node built-ins, so it runs in every runtime), after the shared build script has built
// src/index.ts.
import { build } from "esbuild";
import { guestBundleOptions } from "./guest-bundle.mjs";

await build({ ...guestBundleOptions, entryPoints: ["src/guest.ts"], outfile: "dist/guest.js" });
