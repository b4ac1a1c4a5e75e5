// Offline use: whether the network is there, whether the lab is cached for offline use, and
// whether a newer version is waiting. The service worker (vite-plugin-pwa, Workbox) is registered
// after the guest has booted, so its precache download never competes with the first boot.
import { whenQuiet } from '../scheduling/whenQuiet';

export class Offline {
  /** The browser says it has a network connection. */
  online = $state.raw(typeof navigator === 'object' ? navigator.onLine : true);
  /** Everything the lab needs is cached: it will load and boot with no network. */
  ready = $state.raw(false);
  /** A new version is installed and waiting for the user to accept it. */
  updateWaiting = $state.raw(false);

  #update: ((reload?: boolean) => Promise<void>) | null = null;
  #undo: Array<() => void> = [];

  #probeTimer = 0;

  constructor() {
    if (typeof window !== 'object') return;
    const check = () => void this.probe();
    window.addEventListener('online', check);
    window.addEventListener('offline', check);
    this.#undo.push(() => {
      window.removeEventListener('online', check);
      window.removeEventListener('offline', check);
      clearTimeout(this.#probeTimer);
    });
  }

  /**
   * Asks the server for a file nobody caches: any answer (even 404) means the network and the
   * server are there. navigator.onLine alone says only whether a network cable is plugged in.
   */
  async probe(): Promise<void> {
    clearTimeout(this.#probeTimer);
    let reachable = navigator.onLine;
    if (reachable) {
      try {
        await fetch('network-probe', { cache: 'no-store' }); // relative to the page
      } catch {
        reachable = false;
      }
    }
    this.online = reachable;
    // While offline, look again now and then, so the badge notices the way back.
    if (!reachable) this.#probeTimer = window.setTimeout(() => void this.probe(), 15_000);
  }

  /**
   * Registers the service worker (once; not in browsers without one, nor on the dev server),
   * once the page is quiet: its first install downloads the whole lab again into its cache.
   */
  async register(): Promise<void> {
    if (typeof navigator !== 'object') return; // not a browser (unit tests)
    void this.probe();
    if (this.#update || !('serviceWorker' in navigator) || import.meta.env.DEV) return;
    await whenQuiet(1000);
    if (this.#update) return;
    const { registerSW } = await import('virtual:pwa-register');
    this.#update = registerSW({
      immediate: true,
      onOfflineReady: () => (this.ready = true),
      onNeedRefresh: () => (this.updateWaiting = true),
      onRegisteredSW: (_url, registration) => {
        // Already installed on an earlier visit: the cache is complete.
        if (registration?.active) this.ready = true;
      },
    });
  }

  /** The user accepted the new version: activate it and reload into it. */
  async applyUpdate(): Promise<void> {
    this.updateWaiting = false;
    await this.#update?.(true);
  }

  /** The user chose to keep the running session: the new version loads on the next visit. */
  dismissUpdate(): void {
    this.updateWaiting = false;
  }

  dispose(): void {
    for (const undo of this.#undo) undo();
    this.#undo = [];
  }
}
