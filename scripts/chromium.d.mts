export function chromiumExecutable(): string | undefined;
export const CHROMIUM_ARGS: string[];
export const BASELINE_WASM_ARGS: string[];
export function chromiumLaunchOptions(options?: { baselineWasm?: boolean }): {
  args: string[];
  executablePath?: string;
};
