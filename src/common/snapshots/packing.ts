// Turns a raw v86 state into content-addressed, compressed chunks and back, verifying every hash.
// Runs inside the snapshot worker (heavy), and in unit tests.
import { splitIntoChunks } from './chunker';
import { deflate, inflate, sha256Hex } from '../bytes/codec';
import { SnapshotError } from './format';

export interface PackedState {
  stateSha256: string;
  stateSize: number;
  chunks: string[];
  /** Chunks not among the known ones, compressed, keyed by the SHA-256 of their raw bytes. */
  fresh: Array<{ hash: string; data: Uint8Array<ArrayBuffer> }>;
}

export async function packState(
  state: Uint8Array<ArrayBuffer>,
  known: ReadonlySet<string>,
): Promise<PackedState> {
  // The whole state's hash (for exported files) runs while the chunks are hashed and compressed.
  const whole = sha256Hex(state);
  const pieces = splitIntoChunks(state);
  const hashes = await Promise.all(pieces.map((p) => sha256Hex(p)));
  const fresh: PackedState['fresh'] = [];
  const seen = new Set(known);
  for (const [i, hash] of hashes.entries()) {
    if (seen.has(hash)) continue;
    seen.add(hash);
    fresh.push({ hash, data: await deflate(pieces[i]!.slice()) });
  }
  return {
    stateSha256: await whole,
    stateSize: state.byteLength,
    chunks: hashes,
    fresh,
  };
}

/** A stored chunk's raw bytes if it is there, inflates and is its hash; else null (damaged). */
async function checkedChunk(
  hash: string,
  data: Uint8Array<ArrayBuffer> | undefined,
): Promise<Uint8Array | null> {
  const raw = data ? await inflate(data).catch(() => null) : null;
  return raw && (await sha256Hex(raw)) === hash ? raw : null;
}

/** The hashes among `compressed` whose chunk is missing, does not inflate, or is not its hash. */
export async function damagedChunks(
  compressed: ReadonlyMap<string, Uint8Array<ArrayBuffer> | undefined>,
): Promise<string[]> {
  const damaged: string[] = [];
  await Promise.all(
    [...compressed].map(async ([hash, data]) => {
      if (!(await checkedChunk(hash, data))) damaged.push(hash);
    }),
  );
  return damaged;
}

/** The chunks of `state` with these hashes, compressed (as packState would have). */
export async function compressChunksOf(
  state: Uint8Array<ArrayBuffer>,
  hashes: ReadonlySet<string>,
): Promise<PackedState['fresh']> {
  const fresh: PackedState['fresh'] = [];
  for (const piece of splitIntoChunks(state)) {
    const hash = await sha256Hex(piece);
    if (!hashes.has(hash) || fresh.some((c) => c.hash === hash)) continue;
    fresh.push({ hash, data: await deflate(piece.slice()) });
  }
  return fresh;
}

/**
 * Reassembles a state from its compressed chunks, checking each chunk's SHA-256 and the size.
 * The chunks' hashes, in their order, pin the whole state as surely as its own hash would: that
 * one (the whole state to hash again) is checked only for exported files.
 */
export async function unpackState(
  compressed: ReadonlyMap<string, Uint8Array<ArrayBuffer> | undefined>,
  order: string[],
  stateSize: number,
): Promise<ArrayBuffer> {
  const damaged = () => new SnapshotError({ code: 'hashMismatch' });
  // Inflate and check each distinct chunk once (a state repeats some many times: free memory
  // is zeros), all at once; then lay them out in order.
  const distinct = new Map<string, Uint8Array>();
  await Promise.all(
    [...new Set(order)].map(async (hash) => {
      const raw = await checkedChunk(hash, compressed.get(hash));
      if (!raw) throw damaged();
      distinct.set(hash, raw);
    }),
  );
  const out = new Uint8Array(stateSize);
  let at = 0;
  for (const hash of order) {
    const raw = distinct.get(hash)!;
    if (at + raw.byteLength > stateSize) throw damaged();
    out.set(raw, at);
    at += raw.byteLength;
  }
  if (at !== stateSize) throw damaged();
  return out.buffer;
}
