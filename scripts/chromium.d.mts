export function chromiumExecutable(): string | undefined;
export const CHROMIUM_ARGS: string[];
export function chromiumLaunchOptions(): { args: string[]; executablePath?: string };
