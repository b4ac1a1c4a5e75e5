// The snapshot format (docs/snapshot-format.md): what a stored snapshot records, the exported
// file's layout, and every check a snapshot must pass before it is restored. Pure: no I/O.

export const SNAPSHOT_FORMAT = 1;
export const EXPORT_EXTENSION = '.aula86snap';
/** First bytes of an exported file: "AULA86SN". */
export const EXPORT_MAGIC = new TextEncoder().encode('AULA86SN');
const FIXED_HEADER = EXPORT_MAGIC.length + 8; // magic, u32 format, u32 header length
const MAX_HEADER = 1024 * 1024;

/** What a saved state is tied to: v86 states restore only into the same emulator and machine. */
export interface SnapshotOrigin {
  v86Version: string;
  profileId: string;
  /** SHA-256 of the decoded bios, kernel and initrd the machine booted. */
  imageSha256: { bios: string; kernel: string; initrd: string };
  memoryBytes: number;
}

export interface SnapshotMeta extends SnapshotOrigin {
  format: typeof SNAPSHOT_FORMAT;
  id: string;
  name: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Size and SHA-256 of the raw v86 state (the payload). */
  stateSize: number;
  stateSha256: string;
  /** SHA-256 of each raw chunk of the payload, in order (content-addressed storage keys). */
  chunks: string[];
  /** Stored (compressed) size of each chunk, in the same order. */
  chunkSizes: number[];
  /** Bytes this snapshot's chunks take in storage, compressed (shared chunks counted in full). */
  storedSize: number;
  /** The terminal's recent output when saved, replayed on restore (UTF-8 text with escapes). */
  screen: string;
  /**
   * 'base': not a snapshot but the chunks of the lab's pre-booted state, kept so that snapshots
   * store only what changed since the boot. Never listed, exported or restored.
   */
  kind?: 'base';
}

export type SnapshotProblem =
  | { code: 'notSnapshot' }
  | { code: 'truncated' }
  | { code: 'unsupportedFormat'; version: number }
  | { code: 'hashMismatch' }
  | { code: 'incompatible'; reasons: IncompatibilityReason[] };

export type IncompatibilityReason =
  | { kind: 'v86Version'; saved: string; current: string }
  | { kind: 'profile'; saved: string; current: string }
  | { kind: 'memory'; saved: number; current: number }
  | { kind: 'images' };

export class SnapshotError extends Error {
  override name = 'SnapshotError';
  constructor(readonly problem: SnapshotProblem) {
    super(problem.code);
  }
}

/** Why a snapshot cannot be restored into this machine; empty when it can. */
export function incompatibilities(
  saved: SnapshotOrigin,
  current: SnapshotOrigin,
): IncompatibilityReason[] {
  const reasons: IncompatibilityReason[] = [];
  if (saved.v86Version !== current.v86Version) {
    reasons.push({ kind: 'v86Version', saved: saved.v86Version, current: current.v86Version });
  }
  if (saved.profileId !== current.profileId) {
    reasons.push({ kind: 'profile', saved: saved.profileId, current: current.profileId });
  }
  if (saved.memoryBytes !== current.memoryBytes) {
    reasons.push({ kind: 'memory', saved: saved.memoryBytes, current: current.memoryBytes });
  }
  const a = saved.imageSha256;
  const b = current.imageSha256;
  if (a.bios !== b.bios || a.kernel !== b.kernel || a.initrd !== b.initrd) {
    reasons.push({ kind: 'images' });
  }
  return reasons;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Checks the shape of a stored or imported record; throws SnapshotError('notSnapshot'). */
export function validateMeta(raw: unknown): SnapshotMeta {
  const bad = () => new SnapshotError({ code: 'notSnapshot' });
  if (typeof raw !== 'object' || raw === null) throw bad();
  const m = raw as Record<string, unknown>;
  if (m['format'] !== SNAPSHOT_FORMAT) {
    if (typeof m['format'] === 'number') {
      throw new SnapshotError({ code: 'unsupportedFormat', version: m['format'] });
    }
    throw bad();
  }
  const isString = (k: string) => typeof m[k] === 'string';
  const isCount = (k: string) => Number.isSafeInteger(m[k]) && (m[k] as number) >= 0;
  const images = m['imageSha256'] as Record<string, unknown> | undefined;
  const ok =
    ['id', 'name', 'v86Version', 'profileId', 'screen'].every(isString) &&
    ['createdAt', 'stateSize', 'storedSize', 'memoryBytes'].every(isCount) &&
    typeof m['stateSha256'] === 'string' &&
    HEX64.test(m['stateSha256']) &&
    Array.isArray(m['chunks']) &&
    m['chunks'].every((c) => typeof c === 'string' && HEX64.test(c)) &&
    Array.isArray(m['chunkSizes']) &&
    m['chunkSizes'].length === m['chunks'].length &&
    m['chunkSizes'].every((n) => Number.isSafeInteger(n) && (n as number) >= 0) &&
    typeof images === 'object' &&
    images !== null &&
    ['bios', 'kernel', 'initrd'].every((k) => typeof images[k] === 'string') &&
    (m['kind'] === undefined || m['kind'] === 'base');
  if (!ok) throw bad();
  return m as unknown as SnapshotMeta;
}

/** The header of an exported file: the metadata, and how the payload that follows is stored. */
export interface ExportHeader {
  meta: SnapshotMeta;
  payloadEncoding: 'gzip';
  payloadSize: number;
}

/** Lays out an exported file: magic, format, header length, header JSON, payload. */
export function encodeExport(meta: SnapshotMeta, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const header: ExportHeader = { meta, payloadEncoding: 'gzip', payloadSize: payload.byteLength };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(FIXED_HEADER + json.byteLength + payload.byteLength);
  out.set(EXPORT_MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(EXPORT_MAGIC.length, SNAPSHOT_FORMAT, true);
  view.setUint32(EXPORT_MAGIC.length + 4, json.byteLength, true);
  out.set(json, FIXED_HEADER);
  out.set(payload, FIXED_HEADER + json.byteLength);
  return out;
}

/** Reads an exported file's header and payload, refusing anything malformed or cut short. */
export function decodeExport(bytes: Uint8Array): { header: ExportHeader; payload: Uint8Array } {
  const magicOk =
    bytes.byteLength >= EXPORT_MAGIC.length && EXPORT_MAGIC.every((b, i) => bytes[i] === b);
  if (!magicOk) throw new SnapshotError({ code: 'notSnapshot' });
  if (bytes.byteLength < FIXED_HEADER) throw new SnapshotError({ code: 'truncated' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(EXPORT_MAGIC.length, true);
  if (version !== SNAPSHOT_FORMAT) throw new SnapshotError({ code: 'unsupportedFormat', version });
  const headerLength = view.getUint32(EXPORT_MAGIC.length + 4, true);
  if (headerLength > MAX_HEADER) throw new SnapshotError({ code: 'notSnapshot' });
  if (bytes.byteLength < FIXED_HEADER + headerLength)
    throw new SnapshotError({ code: 'truncated' });
  let parsed: Partial<ExportHeader>;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(FIXED_HEADER, FIXED_HEADER + headerLength),
    );
    parsed = JSON.parse(text) as Partial<ExportHeader>;
  } catch {
    throw new SnapshotError({ code: 'notSnapshot' });
  }
  const meta = validateMeta(parsed.meta);
  if (parsed.payloadEncoding !== 'gzip' || !Number.isSafeInteger(parsed.payloadSize)) {
    throw new SnapshotError({ code: 'notSnapshot' });
  }
  const payload = bytes.subarray(FIXED_HEADER + headerLength);
  if (payload.byteLength < parsed.payloadSize!) throw new SnapshotError({ code: 'truncated' });
  if (payload.byteLength > parsed.payloadSize!) throw new SnapshotError({ code: 'notSnapshot' });
  return { header: { meta, payloadEncoding: 'gzip', payloadSize: parsed.payloadSize! }, payload };
}
