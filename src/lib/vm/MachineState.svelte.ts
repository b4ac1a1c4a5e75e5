// What a machine is doing, as shown: its status, a download's progress, an error or a note, its
// boot time and how it started, and the moves between them (a power-on, the prompt, a failure,
// a pause, a restore). The Machine facade moves it; panels read it.
import { Emitter } from '../../common/events/emitter';
import type { DownloadProgress } from '../guest/catalog';
import type { Notice } from '../notices/notice';
import type { MachineError } from './machineError';
import type { PowerNews, StartedFrom } from './power';

export type MachineStatus = 'loading' | 'booting' | 'running' | 'paused' | 'stopped' | 'error';

/** What the state needs of the rest of the machine. */
export interface StateHooks {
  /** Holds the user's typing (while paused); returns the undo. */
  hold(owner: string): () => void;
  /** The machine failed: what was typed for it is dropped, and its power-on lets go. */
  failed(): void;
}

export class MachineState {
  status = $state.raw<MachineStatus>('stopped');
  progress = $state.raw<DownloadProgress | null>(null);
  error = $state.raw<MachineError | null>(null);
  /** Something the user should know that is not an error (e.g. why the boot was a cold one). */
  note = $state.raw<Notice | null>(null);
  bootMs = $state.raw<number | null>(null);
  startedFrom = $state.raw<StartedFrom | null>(null);
  /** The prompt is up after a power-on (ms it took), or the machine failed, or was restored. */
  readonly events = new Emitter<{
    ready: { bootMs: number };
    failed: MachineError;
    restored: null;
  }>();

  #beforePause: MachineStatus = 'running';
  #releasePause: (() => void) | null = null;

  constructor(private readonly hooks: StateHooks) {}

  /** The guest runs (its uptime grows), booting or at its prompt. */
  get running(): boolean {
    return this.status === 'running' || this.status === 'booting';
  }

  /** A start (or "try again") begins: what the last attempt said goes. */
  loading(): void {
    this.note = null;
    this.error = null;
    this.status = 'loading';
  }

  /** What the power-on sequence said; `rebooted`: the guest must boot from its images. */
  hear(news: PowerNews, rebooted: () => void): void {
    switch (news.kind) {
      case 'poweredOn':
        return this.#poweredOn(news.from);
      case 'ready':
        return this.#ready(news.bootMs);
      case 'failed':
        return this.fail(news.error);
      case 'progress':
        this.progress = news.progress;
        return;
      case 'note':
        this.note = news.note;
        return;
      case 'rebooted':
        return rebooted();
    }
  }

  /** Pauses a running or booting guest (typing is held meanwhile); false if it cannot be. */
  pause(): boolean {
    if (!this.running) return false;
    this.#beforePause = this.status;
    this.status = 'paused';
    this.#releasePause ??= this.hooks.hold('pause');
    return true;
  }

  /** The guest runs again (what was typed meanwhile goes to it once `ran` resolves). */
  resume(ran: Promise<void>): Promise<void> {
    this.status = this.#beforePause;
    return ran.then(() => this.#letGoOfPause());
  }

  /** A saved state was put back: running, or paused as before. */
  restored(wasRunning: boolean): void {
    this.status = wasRunning ? 'running' : 'paused';
    this.#beforePause = 'running';
  }

  fail(error: MachineError): void {
    this.error = error;
    this.status = 'error';
    this.progress = null;
    this.hooks.failed();
    this.#letGoOfPause();
    this.events.emit('failed', error);
  }

  dispose(): void {
    this.events.clear();
    this.status = 'stopped';
  }

  /** A power-on began: the boot time is measured again, and the machine starts running. */
  #poweredOn(startedFrom: StartedFrom): void {
    this.bootMs = null;
    this.status = 'booting';
    this.startedFrom = startedFrom;
    this.#letGoOfPause();
  }

  /** The shell prompt is up, booted or resumed: the boot time, and the machine is running. */
  #ready(bootMs: number): void {
    this.bootMs = bootMs;
    if (this.status === 'booting') this.status = 'running';
    this.#beforePause = 'running';
    this.events.emit('ready', { bootMs });
  }

  #letGoOfPause(): void {
    this.#releasePause?.();
    this.#releasePause = null;
  }
}
