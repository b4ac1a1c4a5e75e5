// Types for paths.mjs (the bench is plain JavaScript run by Node).
export type ResolvedRequest = { status: 200; file: string } | { status: 400 | 403 | 404 };
export function resolveRequest(mounts: Record<string, string>, url: string): ResolvedRequest;
