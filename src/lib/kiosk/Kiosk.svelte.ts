// Kiosk mode: a locked-down, large-text lab for a classroom computer that resets itself to a
// golden state on every load and after a while without use, and that a teacher unlocks by PIN.
// Students' work is never kept: there is no snapshot panel, and every reset wipes the guest.
// It fails closed: a kiosk.json that is there but unusable (or unreachable) keeps it locked.
import { messageOf } from '../../common/errors';
import { problem, type Notice } from '../notices/notice';
import type { Snapshots } from '../snapshots/Snapshots.svelte';
import type { Machine } from '../vm/Machine.svelte';
import { DriveRefused, type Drive } from '../vm/DriverSeat.svelte';
import { DEFAULT_KIOSK, type KioskConfig } from './config';
import { IdleCountdown, idleLimitMs } from './idle';
import { localAttemptStore, PinGuard } from './pinGuard';
import { localKioskMemory, readKioskSource } from './source';

const TICK_MS = 250;

/** Why the last reset could not bring the golden snapshot back (the boot state was used). */
export type GoldenProblem =
  { kind: 'missing'; name: string } | { kind: 'failed'; name: string; reason: Notice };

/** The lessons, as a kiosk resets around them (attached when the Lessons tool first loads). */
export interface KioskLessons {
  /** A student is in the middle of a lesson. */
  inProgress(): boolean;
  /** Forgets every lesson's progress. */
  resetProgress(): void;
  /** Downloads the progress report of the lesson in progress (the student hands it in). */
  handIn(): void;
}

export class Kiosk {
  /** Kiosk mode is on (?kiosk, "enabled" in kiosk.json, or a kiosk.json that could not be used). */
  active = $state.raw(false);
  /** kiosk.json has been read (or found absent): until then the lab shows no admin controls. */
  settled = $state.raw(false);
  /** The teacher has not unlocked it. */
  locked = $state.raw(true);
  config = $state.raw<KioskConfig>(DEFAULT_KIOSK);
  /** Seconds left before the reset, while the countdown shows. */
  countdown = $state.raw<number | null>(null);
  /** A countdown would have wiped a lesson in progress: the student is offered to hand it in
   * (it stays offered after the countdown is cancelled, until answered). */
  lessonAtRisk = $state.raw(false);
  /** kiosk.json could not be used: the reason, shown to the teacher once unlocked. */
  configError = $state.raw<string | null>(null);
  /** The golden snapshot could not be restored at the last reset (the boot state was used). */
  goldenProblem = $state.raw<GoldenProblem | null>(null);
  pinRejected = $state.raw(false);
  /** Seconds before the next PIN is taken, after too many wrong ones (0: now). */
  pinWaitSeconds = $state.raw(0);

  #undo: Array<() => void> = [];
  #resetting = false;
  #guard: PinGuard | null = null;
  #pinTimer = 0;
  #lessons: KioskLessons | null = null;

  /** `target`: the machine it resets (the lab's selected one; a kiosk shows one machine). */
  constructor(
    private readonly target: () => Machine | null,
    private readonly snapshots: Snapshots,
    /** Rebuilds a network lab (kiosk.json's `lab`): see Lab.applyLayout. */
    private readonly applyLayout: ((layout: unknown) => Promise<Machine[]>) | null = null,
  ) {}

  /** The lessons, once loaded: a lesson in progress lengthens or pauses the idle reset. */
  attachLessons(lessons: KioskLessons): void {
    this.#lessons = lessons;
  }

  /** The student hands in the lesson in progress before the reset (its report downloads). */
  handIn(): void {
    this.#lessons?.handIn();
    this.lessonAtRisk = false;
  }

  /** The student does not hand in now. */
  dismissHandIn(): void {
    this.lessonAtRisk = false;
  }

  /** Lessons a locked kiosk lists (kiosk.json's `lessons`; empty: all). */
  listsLesson(id: string): boolean {
    const pinned = this.config.lessons;
    return !(this.active && this.locked) || pinned.length === 0 || pinned.includes(id);
  }

  /** Reads kiosk.json (next to index.html; optional) and turns kiosk mode on if asked to. */
  async init(requested: boolean): Promise<void> {
    this.active = requested;
    const source = await readKioskSource(fetch.bind(globalThis), localKioskMemory());
    if (source.kind === 'config') this.config = source.config;
    if (source.kind === 'broken') {
      // Fail closed: locked, with the last settings that worked here (their PIN unlocks it).
      this.config = source.fallback ?? DEFAULT_KIOSK;
      this.configError = source.reason;
      console.error(`aula86: kiosk.json could not be used: ${source.reason}`);
    }
    this.active = requested || source.kind === 'broken' || this.config.enabled;
    this.#guard = new PinGuard(this.config.pin, localAttemptStore());
    this.#showPinWait();
    this.settled = true;
    if (!this.active) return;
    // A named golden snapshot, or a network lab, replaces the pre-booted state as soon as the
    // guest is up.
    if (this.config.golden.kind === 'snapshot' || this.config.lab) {
      const machine = this.target();
      if (machine) {
        const off = machine.events.on('ready', () => {
          off();
          void this.resetToGolden();
        });
        this.#undo.push(off);
      }
    }
    this.#watchIdle();
  }

  /**
   * Back to the golden state: the guest's files, processes and screen as the teacher set them.
   * A golden snapshot that is missing or fails to restore falls back to the pre-booted state:
   * a student's work is wiped whatever happens, and the teacher is told why.
   */
  async resetToGolden(): Promise<void> {
    const machine = this.target();
    if (this.#resetting || !machine) return;
    this.#resetting = true;
    try {
      const golden = this.config.golden;
      if (this.config.lab && this.applyLayout) {
        // Every machine of the network lab back to its pre-booted state, wired as described.
        const machines = await this.applyLayout(this.config.lab);
        await Promise.all(machines.map((m) => m.reset()));
        if (!this.config.keepLessonProgress) this.#lessons?.resetProgress();
        return;
      }
      // Whatever is typed meanwhile goes to the machine after the reset, not the one it wipes.
      await machine.drive('kioskReset', async (drive) => {
        if (golden.kind === 'snapshot') {
          const outcome = await this.#restoreGolden(golden.name, drive);
          this.goldenProblem = outcome;
          if (outcome === null) return;
        }
        await machine.reset(drive);
      });
      if (!this.config.keepLessonProgress) this.#lessons?.resetProgress();
    } catch (error) {
      // A program drives the console (the teacher's benchmark): the next idle reset comes.
      if (!(error instanceof DriveRefused)) throw error;
    } finally {
      this.#resetting = false;
    }
  }

  async #restoreGolden(name: string, by: Drive): Promise<GoldenProblem | null> {
    try {
      await this.snapshots.init();
      const outcome = await this.snapshots.restoreNamed(name, by);
      if (outcome === 'restored') return null;
      if (outcome === 'missing') return { kind: 'missing', name };
      return { kind: 'failed', name, reason: outcome.failed };
    } catch (error) {
      const detail = messageOf(error);
      return { kind: 'failed', name, reason: problem('snap.error.generic', { detail }) };
    }
  }

  /** The teacher's PIN: unlocks the admin controls and stops the idle reset until reload. */
  unlock(pin: string): boolean {
    const check = this.#guard?.check(pin) ?? 'wrong';
    this.pinRejected = check === 'wrong';
    this.#showPinWait();
    if (check !== 'ok') return false;
    this.locked = false;
    this.countdown = null;
    this.#stopWatching();
    return true;
  }

  dispose(): void {
    this.#stopWatching();
    clearInterval(this.#pinTimer);
  }

  /** Counts the PIN's waiting time down on screen, once a second. */
  #showPinWait(): void {
    const update = () => {
      this.pinWaitSeconds = Math.ceil((this.#guard?.waitMs() ?? 0) / 1000);
      if (this.pinWaitSeconds === 0) clearInterval(this.#pinTimer);
    };
    clearInterval(this.#pinTimer);
    update();
    if (this.pinWaitSeconds > 0) this.#pinTimer = window.setInterval(update, 1000);
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
      const state = idle.at(now, idleLimitMs(this.config, this.#lessons?.inProgress() ?? false));
      if (state.phase === 'active') this.countdown = null;
      else if (state.phase === 'countdown') {
        this.countdown = state.secondsLeft;
        this.lessonAtRisk =
          !this.config.keepLessonProgress && (this.#lessons?.inProgress() ?? false);
      } else {
        this.countdown = null;
        this.lessonAtRisk = false;
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
