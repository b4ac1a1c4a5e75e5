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

/** The first MD5 sum (32 hex digits at the start of a line) in a command's output. */
export function md5Of(output: string): string | null {
  return /^([0-9a-f]{32})\s/m.exec(output)?.[1] ?? null;
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
