/// <reference types="svelte" />
/// <reference types="vite/client" />

/** The exact v86 version the app is built with (from node_modules/v86/package.json). */
declare const __V86_VERSION__: string;
