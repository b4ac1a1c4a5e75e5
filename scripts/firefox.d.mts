export function firefoxExecutable(): string | undefined;
