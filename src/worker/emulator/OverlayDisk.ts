// A disk image for v86 that reads the user's file (a Blob kept in IndexedDB, on disk) a range at
// a time and never writes to it: the guest's writes land in an overlay of 512-byte sectors in
// memory, which v86 saves with the machine's state. Dropping the overlay ("discard changes")
// gives the course's non-persistent disk back. Implements the buffer interface v86 takes for
// `hda` and `cdrom` (an object with get/set/load/get_state/set_state).

export const SECTOR = 512;

type Done = () => void;

export class OverlayDisk {
  readonly byteLength: number;
  onload: ((event: object) => void) | undefined;
  onprogress: ((event: object) => void) | undefined;
  /** Sectors the guest wrote, by index. */
  #written = new Map<number, Uint8Array<ArrayBuffer>>();
  #onWrite: (bytes: number) => void;

  constructor(
    private readonly blob: Blob,
    /** Told the overlay's size after each write. */
    onWrite: (bytes: number) => void = () => undefined,
  ) {
    this.byteLength = blob.size;
    this.#onWrite = onWrite;
  }

  /** Bytes the overlay holds (what the guest changed, in whole sectors). */
  get writtenBytes(): number {
    return this.#written.size * SECTOR;
  }

  load(): void {
    this.onload?.(Object.create(null) as object);
  }

  /** Ranges read ahead of the boot (the MBR), which v86 asks for again synchronously. */
  #cached = new Map<string, Uint8Array<ArrayBuffer>>();

  /** Reads a range and keeps it: v86 does so with the first sector before it boots. */
  get_and_cache(offset: number, length: number, done: (bytes: Uint8Array<ArrayBuffer>) => void) {
    void this.read(offset, length).then((bytes) => {
      this.#cached.set(`${offset}:${length}`, bytes);
      done(bytes);
    });
  }

  /** A range kept by get_and_cache (v86 reads the disk's geometry from the MBR this way). */
  get_from_cache(offset: number, length: number): Uint8Array<ArrayBuffer> | undefined {
    return this.#cached.get(`${offset}:${length}`);
  }

  /** Reads `length` bytes at `offset`: the file's, with the overlay's sectors on top. */
  get(offset: number, length: number, done: (bytes: Uint8Array<ArrayBuffer>) => void): void {
    void this.read(offset, length).then(done);
  }

  async read(offset: number, length: number): Promise<Uint8Array<ArrayBuffer>> {
    const end = Math.min(offset + length, this.byteLength);
    const bytes = new Uint8Array(length);
    if (end > offset) bytes.set(new Uint8Array(await this.blob.slice(offset, end).arrayBuffer()));
    if (this.#written.size === 0) return bytes;
    const first = Math.floor(offset / SECTOR);
    const last = Math.floor((offset + length - 1) / SECTOR);
    for (let s = first; s <= last; s++) {
      const sector = this.#written.get(s);
      if (!sector) continue;
      const from = Math.max(offset, s * SECTOR);
      const to = Math.min(offset + length, (s + 1) * SECTOR);
      bytes.set(sector.subarray(from - s * SECTOR, to - s * SECTOR), from - offset);
    }
    return bytes;
  }

  /** Writes into the overlay (a partly written sector is completed from what was there). */
  set(offset: number, data: Uint8Array, done: Done): void {
    void this.write(offset, data).then(done);
  }

  async write(offset: number, data: Uint8Array): Promise<void> {
    const end = Math.min(offset + data.length, this.byteLength);
    if (end <= offset) return;
    const first = Math.floor(offset / SECTOR);
    const last = Math.floor((end - 1) / SECTOR);
    for (let s = first; s <= last; s++) {
      const from = Math.max(offset, s * SECTOR);
      const to = Math.min(end, (s + 1) * SECTOR);
      const whole = from === s * SECTOR && to === (s + 1) * SECTOR;
      const sector = whole ? new Uint8Array(SECTOR) : await this.read(s * SECTOR, SECTOR);
      sector.set(data.subarray(from - offset, to - offset), from - s * SECTOR);
      this.#written.set(s, sector);
    }
    this.#cached.clear(); // a kept range may have been written
    this.#onWrite(this.writtenBytes);
  }

  get_buffer(done: (buffer?: ArrayBuffer) => void): void {
    done(); // the whole image is never loaded into memory
  }

  /** The overlay, for v86's saved state: [[sector, bytes], …]. */
  get_state(): [Array<[number, Uint8Array<ArrayBuffer>]>] {
    return [[...this.#written]];
  }

  set_state(state: [Array<[number, Uint8Array]>]): void {
    this.#written.clear();
    for (const [index, bytes] of state[0]) {
      if (Number.isSafeInteger(index) && index >= 0 && bytes.length === SECTOR) {
        this.#written.set(index, new Uint8Array(bytes));
      }
    }
    this.#onWrite(this.writtenBytes);
  }
}
