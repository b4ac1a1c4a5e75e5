// What the two emulators of a live migration say to each other, over a link that hides the
// transport (a BroadcastChannel between two tabs' workers now; a WebRTC data channel between two
// computers would carry the same messages: docs/migration.md).
import type { SparseBytes } from './sparse';

/** Some pages of guest RAM: their numbers, and their bytes one after the other. */
export interface PageBatch {
  pages: Uint32Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

/** The final copy: the last pages and the CPU and devices, taken with the guest stopped. */
export interface FinalCopy extends PageBatch {
  /** v86's state without the RAM, without its all-zero chunks. */
  state: SparseBytes;
  /** performance.timeOrigin of the source's thread: the target re-bases v86's timers by it. */
  timeOrigin: number;
  /** When the source stopped (epoch ms). */
  stoppedAt: number;
}

export type MigrationMessage =
  /** Source → target: a pre-copy round. */
  | ({ kind: 'pages'; round: number } & PageBatch)
  /** Source → target: the stop-and-copy; the target resumes with it. */
  | { kind: 'final'; copy: FinalCopy }
  /** Source → target, after `final`: frames for the guest that reached the source after its
   * copy was taken (the target hands them to the guest once it runs). */
  | { kind: 'frames'; frames: Uint8Array<ArrayBuffer>[] }
  /** Target → source: listening, said again until the first round comes (either end may
   * have started first), with the hashes of the pages it holds (32 bytes a page; null: its RAM
   * is zeroed): the source sends only pages that differ. */
  | { kind: 'listening'; hashes: Uint8Array<ArrayBuffer> | null }
  /** Target → source: a round is written. */
  | { kind: 'received'; round: number }
  /** Target → source: the guest runs on the target (epoch ms): the source lets it go. */
  | { kind: 'resumed'; at: number }
  /** Either way: the migration ends here, and why. */
  | { kind: 'abort'; reason: string };

/** One end of the link between the source and the target. */
export interface MigrationLink {
  send(message: MigrationMessage): void;
  /** Calls `listener` with each message from the other end; returns the undo. */
  listen(listener: (message: MigrationMessage) => void): () => void;
  close(): void;
}

/** The buffers a message carries, moved rather than copied where the transport can. */
export function messageBuffers(message: MigrationMessage): ArrayBuffer[] {
  if (message.kind === 'pages') return [message.pages.buffer, message.data.buffer];
  if (message.kind === 'final')
    return [
      message.copy.pages.buffer,
      message.copy.data.buffer,
      message.copy.state.chunks.buffer,
      message.copy.state.data.buffer,
    ];
  if (message.kind === 'frames') return message.frames.map((frame) => frame.buffer);
  return [];
}
