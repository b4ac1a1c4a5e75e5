export function kernelReleaseFromBzImage(bytes: Uint8Array): string;
