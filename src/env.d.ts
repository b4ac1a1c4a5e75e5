/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />

/** The exact v86 version the app is built with (from node_modules/v86/package.json). */
declare const __V86_VERSION__: string;
/** The app's version (package.json): live migration goes only between hosts of one version. */
declare const __APP_VERSION__: string;

declare module 'virtual:v86' {
  /** URL of v86.wasm (gzipped as v86.wasm.gz in a build); see scripts/vite-plugin-v86.ts. */
  export const wasmUrl: string;
  /** URL of v86's libv86.mjs, as npm ships it. */
  export const libraryUrl: string;
}
