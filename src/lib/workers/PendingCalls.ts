// Requests to a worker, awaiting their replies by id: the bookkeeping both worker clients share.

export class PendingCalls<T> {
  #nextId = 0;
  #calls = new Map<number, { resolve: (value: T) => void; reject: (error: Error) => void }>();

  /** A new call: its id to send, and the promise its reply settles. */
  open(): { id: number; reply: Promise<T> } {
    const id = this.#nextId++;
    const reply = new Promise<T>((resolve, reject) => this.#calls.set(id, { resolve, reject }));
    return { id, reply };
  }

  /** How many calls wait for their reply. */
  get size(): number {
    return this.#calls.size;
  }

  resolve(id: number, value: T): void {
    this.#calls.get(id)?.resolve(value);
    this.#calls.delete(id);
  }

  reject(id: number, error: Error): void {
    this.#calls.get(id)?.reject(error);
    this.#calls.delete(id);
  }

  /** The worker is gone: no reply will come for any open call. */
  rejectAll(error: Error): void {
    for (const call of this.#calls.values()) call.reject(error);
    this.#calls.clear();
  }
}
