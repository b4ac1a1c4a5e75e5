// The snapshot format (docs/snapshot-format.md): what a stored snapshot records, the exported
// file's layout, and every check a snapshot must pass before it is restored. Pure: no I/O.
import * as v from 'valibot';
import { parseOrThrow } from '../schema/validate';

export const SNAPSHOT_FORMAT = 1;
export const EXPORT_EXTENSION = '.aula86snap';
/** First bytes of an exported file: "AULA86SN". */
export const EXPORT_MAGIC = new TextEncoder().encode('AULA86SN');
const FIXED_HEADER = EXPORT_MAGIC.length + 8; // magic, u32 format, u32 header length
/** An exported file's header: its metadata, at most ~75 bytes a chunk (see SNAPSHOT_LIMITS). */
export const MAX_HEADER = 8 * 1024 * 1024;

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
  /** The lab's name of the machine it was saved from (pc1, pc2, …); absent in older ones. */
  machine?: string;
  /** Part of a lab snapshot: every machine of a lab saved together, with its layout. */
  lab?: LabMembership;
}

/** Which lab snapshot a snapshot belongs to, which of its machines it is, and the lab's layout. */
export interface LabMembership {
  id: string;
  name: string;
  /** This machine's place in `layout.machines`, and how many machines the lab snapshot has. */
  index: number;
  count: number;
  /** The lab's switches and machines (network/layout.ts reads it before it is used). */
  layout: unknown;
}

export type SnapshotProblem =
  /** `detail`: which part is wrong, when known (for the teacher; not translated). */
  | { code: 'notSnapshot'; detail?: string }
  | { code: 'truncated' }
  /** `extra` bytes follow a complete snapshot: the file was changed or joined to another. */
  | { code: 'trailingData'; extra: number }
  /** The payload inflates beyond the state size it declares (a damaged or crafted file). */
  | { code: 'tooLarge' }
  /** The header declares more bytes than any snapshot's header can have (bytes, the most). */
  | { code: 'headerTooLarge'; size: number; max: number }
  /** The snapshot was deleted meanwhile (in another tab). */
  | { code: 'gone' }
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

/** Bounds on every size a snapshot record or file may claim, checked before any is used. */
export const SNAPSHOT_LIMITS = {
  /** A raw v86 state: the guest's memory plus its devices. */
  stateBytes: 1024 * 1024 * 1024,
  /** Guest memory v86 can emulate. */
  memoryBytes: 2048 * 1024 * 1024,
  /** What a state holds beyond the guest's memory (video memory, devices). */
  deviceBytes: 64 * 1024 * 1024,
  /** Chunks of a state: the largest state cut at the chunker's smallest size (16 KiB). */
  chunks: (1024 * 1024 * 1024) / (16 * 1024),
  /** The terminal's output kept with a snapshot. */
  screenChars: 1024 * 1024,
  /** What a stored name may be (new names are cut to 80, see names.ts). */
  nameChars: 1000,
  /** Identifiers: snapshot ids, v86 versions, profile ids. */
  idChars: 200,
  /** A machine's name (a hostname). */
  machineChars: 63,
  /** A lab snapshot's machines, and its layout as JSON. */
  labMachines: 8,
  layoutChars: 64 * 1024,
  /** Latest time a Date can hold (ms since the epoch). */
  createdAt: 8.64e15,
} as const;

const count = (max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.safeInteger('must be a whole number'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(max, `must be at most ${max}`),
  );
const text = (max: number) =>
  v.pipe(v.string('must be a string'), v.maxLength(max, `must be at most ${max} characters`));
const hash = v.pipe(v.string('must be a string'), v.regex(HEX64, 'must be a SHA-256 in hex'));

const MetaSchema = v.pipe(
  v.strictObject(
    {
      format: v.literal(SNAPSHOT_FORMAT),
      id: v.pipe(text(SNAPSHOT_LIMITS.idChars), v.nonEmpty('must not be empty')),
      name: text(SNAPSHOT_LIMITS.nameChars),
      createdAt: count(SNAPSHOT_LIMITS.createdAt),
      v86Version: text(SNAPSHOT_LIMITS.idChars),
      profileId: text(SNAPSHOT_LIMITS.idChars),
      // A guest of the user's: `kernel` is its file's hash, `initrd` empty when it has none.
      imageSha256: v.strictObject({
        bios: hash,
        kernel: hash,
        initrd: v.union([hash, v.literal('')]),
      }),
      memoryBytes: count(SNAPSHOT_LIMITS.memoryBytes),
      stateSize: v.pipe(count(SNAPSHOT_LIMITS.stateBytes), v.minValue(1, 'must be above 0')),
      stateSha256: hash,
      chunks: v.pipe(
        v.array(hash),
        v.maxLength(SNAPSHOT_LIMITS.chunks, `must have at most ${SNAPSHOT_LIMITS.chunks} chunks`),
      ),
      chunkSizes: v.array(count(SNAPSHOT_LIMITS.stateBytes)),
      storedSize: count(SNAPSHOT_LIMITS.stateBytes * 2),
      screen: text(SNAPSHOT_LIMITS.screenChars),
      kind: v.optional(v.literal('base')),
      machine: v.optional(text(SNAPSHOT_LIMITS.machineChars)),
      lab: v.optional(
        v.strictObject(
          {
            id: text(SNAPSHOT_LIMITS.idChars),
            name: text(SNAPSHOT_LIMITS.nameChars),
            index: count(SNAPSHOT_LIMITS.labMachines - 1),
            count: v.pipe(count(SNAPSHOT_LIMITS.labMachines), v.minValue(1, 'must be above 0')),
            layout: v.pipe(
              v.unknown(),
              v.check(
                (layout) => JSON.stringify(layout ?? null).length <= SNAPSHOT_LIMITS.layoutChars,
                `must be at most ${SNAPSHOT_LIMITS.layoutChars} characters of JSON`,
              ),
            ),
          },
          'is not a field of a lab snapshot',
        ),
      ),
    },
    'is not a field of a snapshot',
  ),
  v.check((m) => m.chunkSizes.length === m.chunks.length, 'chunkSizes must match chunks'),
  v.check(
    (m) => m.stateSize <= m.memoryBytes + SNAPSHOT_LIMITS.deviceBytes,
    'stateSize is larger than the guest memory and its devices can be',
  ),
);

/**
 * Checks the shape and bounds of a stored or imported record; throws SnapshotError: 'notSnapshot'
 * naming the field at fault, or 'unsupportedFormat' for another version of the format.
 */
export function validateMeta(raw: unknown): SnapshotMeta {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SnapshotError({ code: 'notSnapshot', detail: 'not an object' });
  }
  const format = (raw as Record<string, unknown>)['format'];
  if (format !== SNAPSHOT_FORMAT && typeof format === 'number') {
    throw new SnapshotError({ code: 'unsupportedFormat', version: format });
  }
  const meta: SnapshotMeta = parseOrThrow(
    MetaSchema,
    raw,
    (detail) => new SnapshotError({ code: 'notSnapshot', detail }),
  );
  if (meta.kind === undefined) delete meta.kind;
  return meta;
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
  if (headerLength > MAX_HEADER) {
    throw new SnapshotError({ code: 'headerTooLarge', size: headerLength, max: MAX_HEADER });
  }
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
  const payloadSize = parsed.payloadSize;
  if (
    parsed.payloadEncoding !== 'gzip' ||
    typeof payloadSize !== 'number' ||
    !Number.isSafeInteger(payloadSize) ||
    payloadSize <= 0 ||
    payloadSize > SNAPSHOT_LIMITS.stateBytes
  ) {
    throw new SnapshotError({ code: 'notSnapshot', detail: 'payloadSize' });
  }
  const payload = bytes.subarray(FIXED_HEADER + headerLength);
  if (payload.byteLength < payloadSize) throw new SnapshotError({ code: 'truncated' });
  if (payload.byteLength > payloadSize) {
    throw new SnapshotError({ code: 'trailingData', extra: payload.byteLength - payloadSize });
  }
  return { header: { meta, payloadEncoding: 'gzip', payloadSize }, payload };
}
