// A typed event emitter whose on() returns its own undo, and a store that disposes many at once.

export type Unsubscribe = () => void;

export interface Disposable {
  dispose(): void;
}

export class Emitter<Events extends object> {
  #listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(type: K, listener: (payload: Events[K]) => void): Unsubscribe {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof Events>(type: K, payload: Events[K]): void {
    for (const listener of [...(this.#listeners.get(type) ?? [])]) {
      (listener as (payload: Events[K]) => void)(payload);
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}

/** Collects undo functions and runs them all, newest first, exactly once. */
export class DisposableStore implements Disposable {
  #undo: Array<() => void> = [];

  add(undo: Unsubscribe | Disposable): void {
    this.#undo.push(typeof undo === 'function' ? undo : () => undo.dispose());
  }

  dispose(): void {
    for (const undo of this.#undo.reverse()) undo();
    this.#undo = [];
  }
}

/** addEventListener with the undo returned. */
export function listen<K extends keyof WindowEventMap>(
  target: Window,
  type: K,
  listener: (event: WindowEventMap[K]) => void,
): Unsubscribe {
  target.addEventListener(type, listener);
  return () => target.removeEventListener(type, listener);
}
