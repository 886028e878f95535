/** The options every guest bundle is built with (see guest-bundle.mjs). */
export declare const guestBundleOptions: {
  readonly bundle: true;
  readonly format: "esm";
  readonly platform: "browser";
  readonly target: "es2022";
  readonly sourcemap: true;
};
