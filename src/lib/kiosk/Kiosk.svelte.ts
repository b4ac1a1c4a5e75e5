// Kiosk mode: a locked-down, large-text lab for a classroom computer that resets itself to a
// golden state on every load and after a while without use, and that a teacher unlocks by PIN.
// Students' work is never kept: there is no snapshot panel, and every reset wipes the guest.
import { messageOf } from '../errors';
import type { Snapshots } from '../snapshots/Snapshots.svelte';
import type { Machine } from '../vm/Machine.svelte';
import { DEFAULT_KIOSK, parseKioskConfig, type KioskConfig } from './config';
import { IdleCountdown } from './idle';

const TICK_MS = 250;

export class Kiosk {
  /** Kiosk mode is on (?kiosk, or "enabled" in kiosk.json). */
  active = $state.raw(false);
  /** kiosk.json has been read (or found absent): until then the lab shows no admin controls. */
  settled = $state.raw(false);
  /** The teacher has not unlocked it. */
  locked = $state.raw(true);
  config = $state.raw<KioskConfig>(DEFAULT_KIOSK);
  /** Seconds left before the reset, while the countdown shows. */
  countdown = $state.raw<number | null>(null);
  /** kiosk.json could not be used: the reason (the defaults apply). */
  configError = $state.raw<string | null>(null);
  /** The golden snapshot kiosk.json names is not in this browser: the name (the boot state is used). */
  goldenMissing = $state.raw<string | null>(null);
  pinRejected = $state.raw(false);

  #undo: Array<() => void> = [];
  #resetting = false;

  constructor(
    private readonly machine: Machine,
    private readonly snapshots: Snapshots,
  ) {}

  /** Reads kiosk.json (next to index.html; optional) and turns kiosk mode on if asked to. */
  async init(requested: boolean): Promise<void> {
    this.active = requested;
    try {
      // A server that never answers must not keep the lab locked: give up after 3 s.
      const response = await fetch('kiosk.json', {
        cache: 'no-cache',
        signal: AbortSignal.timeout(3000),
      });
      // Absent is normal (a 404, or a server's index.html fallback): the defaults apply.
      const isJson = response.headers.get('content-type')?.includes('json') ?? false;
      if (response.ok && isJson) this.config = parseKioskConfig(await response.json());
    } catch (error) {
      this.configError = messageOf(error);
    }
    this.active = requested || this.config.enabled;
    this.settled = true;
    if (!this.active) return;
    // A named golden snapshot replaces the pre-booted state as soon as the guest is up.
    if (this.config.golden.kind === 'snapshot') {
      const off = this.machine.events.on('ready', () => {
        off();
        void this.resetToGolden();
      });
      this.#undo.push(off);
    }
    this.#watchIdle();
  }

  /** Back to the golden state: the guest's files, processes and screen as the teacher set them. */
  async resetToGolden(): Promise<void> {
    if (this.#resetting) return;
    this.#resetting = true;
    try {
      const golden = this.config.golden;
      if (golden.kind === 'snapshot') {
        await this.snapshots.init();
        const found = await this.snapshots.restoreNamed(golden.name);
        this.goldenMissing = found ? null : golden.name;
        if (found) return;
      }
      await this.machine.reset();
    } finally {
      this.#resetting = false;
    }
  }

  /** The teacher's PIN: unlocks the admin controls and stops the idle reset until reload. */
  unlock(pin: string): boolean {
    const ok = this.config.pin !== null && pin === this.config.pin;
    this.pinRejected = !ok;
    if (ok) {
      this.locked = false;
      this.countdown = null;
      this.#stopWatching();
    }
    return ok;
  }

  dispose(): void {
    this.#stopWatching();
  }

  #watchIdle(): void {
    const idle = new IdleCountdown(
      this.config.idleMinutes * 60_000,
      this.config.countdownSeconds * 1000,
      performance.now(),
    );
    const activity = () => {
      idle.activity(performance.now());
      this.countdown = null;
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const type of events) window.addEventListener(type, activity, { capture: true });
    const timer = window.setInterval(() => {
      const now = performance.now();
      const state = idle.at(now);
      if (state.phase === 'active') this.countdown = null;
      else if (state.phase === 'countdown') this.countdown = state.secondsLeft;
      else {
        this.countdown = null;
        idle.activity(now);
        void this.resetToGolden();
      }
    }, TICK_MS);
    this.#undo.push(() => {
      for (const type of events) window.removeEventListener(type, activity, { capture: true });
      clearInterval(timer);
    });
  }

  #stopWatching(): void {
    for (const undo of this.#undo) undo();
    this.#undo = [];
  }
}
