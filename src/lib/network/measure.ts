// The maths of "Measure the network": ping times read from busybox's output, their median, and
// the transfer's figures.

/** Every "time=1.234 ms" of a ping's output, in ms. */
export function pingTimes(output: string): number[] {
  return [...output.matchAll(/ time=([\d.]+) ms/g)].map((m) => Number(m[1]));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * md5sum's line for `name` ("<32 hex digits>  <name>"), found anywhere in a line: the terminal's
 * late answer to the shell's cursor-position query can be echoed just before it ("^[[32;13R").
 */
function md5Line(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  return new RegExp(`(?<![0-9a-f])([0-9a-f]{32})[ \\t]+${escaped}(?=\\s)`);
}

/** The MD5 sum md5sum printed for `name` in a command's output, or null. */
export function md5Of(output: string, name: string): string | null {
  return md5Line(name).exec(output)?.[1] ?? null;
}

export interface NetworkFigures {
  kind: 'ne2k' | 'virtio';
  /** MB (10^6 bytes) per second of the TCP transfer, as the receiver saw it complete. */
  throughputMBps: number;
  /** Median ping round trip, ms. */
  rttMs: number | null;
  /** Instructions both guests executed during the transfer, per byte sent. */
  instructionsPerByte: number;
  checksumsEqual: boolean;
}

export function transferFigures(bytes: number, ms: number, instructions: number) {
  return { throughputMBps: bytes / 1e6 / (ms / 1000), instructionsPerByte: instructions / bytes };
}
