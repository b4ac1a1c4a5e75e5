import type { Server } from 'node:http';
/** A static file server: URL prefix → folder (longest prefix wins); port 0 picks a free one. */
export function startServer(mounts: Record<string, string>, port?: number): Promise<Server>;
