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
    stateSha256: await sha256Hex(state),
    stateSize: state.byteLength,
    chunks: hashes,
    fresh,
  };
}

/** Reassembles a state from its compressed chunks, checking each chunk and the whole. */
export async function unpackState(
  compressed: Array<Uint8Array<ArrayBuffer> | undefined>,
  hashes: string[],
  stateSha256: string,
  stateSize: number,
): Promise<ArrayBuffer> {
  const damaged = () => new SnapshotError({ code: 'hashMismatch' });
  // Inflate and check every chunk at once, then lay them out in order.
  const pieces = await Promise.all(
    hashes.map(async (hash, i) => {
      const data = compressed[i];
      if (!data) throw damaged();
      const raw = await inflate(data).catch(() => Promise.reject(damaged()));
      if ((await sha256Hex(raw)) !== hash) throw damaged();
      return raw;
    }),
  );
  const out = new Uint8Array(stateSize);
  let at = 0;
  for (const raw of pieces) {
    if (at + raw.byteLength > stateSize) throw damaged();
    out.set(raw, at);
    at += raw.byteLength;
  }
  if (at !== stateSize || (await sha256Hex(out)) !== stateSha256) {
    throw new SnapshotError({ code: 'hashMismatch' });
  }
  return out.buffer;
}
