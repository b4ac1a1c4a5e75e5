// A machine's serial console: what the guest printed (a bounded log, and the prompt it waits for)
// and what goes to it (the user's typing, held while a restore, reset, benchmark or lesson owns
// the console, then delivered whole). It is what a terminal attaches to.
import { DisposableStore, Emitter } from '../../common/events/emitter';
import type { Emulator } from './EmulatorClient';
import { ConsoleInput, type InputState } from './consoleInput';
import { OutputLog } from './outputLog';
import { promptHost, renamePrompt } from './hostname';
import { localizeWelcome, type GuestLanguage } from './guestLanguage';
import { endsWithPrompt, ReadinessDetector } from './readiness';
import { asksCursor, cursorReport, withoutQueries } from '../text/escapes';

export interface ConsoleEvents {
  /** Bytes the guest wrote to its serial console, batched per emulator tick. */
  output: Uint8Array;
  /** The guest was (re)started from power-on: screens showing old output should clear. */
  poweredOn: void;
  /** A saved state was restored: screens should show `screen` (the output saved with it). */
  restored: { screen: Uint8Array };
  /** The guest's shell printed its first prompt since power-on (after its ready text). */
  prompt: void;
  /** The prompt is up and the guest named: the machine is ready. */
  ready: void;
  /** The user's keyboard should go to a terminal showing this console (its tab was chosen). */
  focus: void;
}

/** What the console needs of an emulator: its serial output, control lines and input. */
export type SerialLink = Pick<Emulator, 'on' | 'sendSerial'>;

const encoder = new TextEncoder();
/** How long the guest may take to answer a rename (it answers in milliseconds when running). */
const RENAME_TIMEOUT_MS = 3000;

export class SerialConsole {
  /** Where the user's typing goes now: to the guest, held for after a transition, or refused. */
  input = $state.raw<InputState>({ kind: 'free' });

  readonly events = new Emitter<ConsoleEvents>();
  /** True once a guest has been powered on (it may since have been reset or have failed). */
  poweredOn = false;

  #emulator: SerialLink | null = null;
  #subscriptions = new DisposableStore();
  #log = new OutputLog();
  #readiness: ReadinessDetector | null = new ReadinessDetector('');
  #typing = new ConsoleInput(
    (data) => this.#send(0, data),
    (state) => (this.input = state),
  );
  // Plain bookkeeping, not UI state.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #controlWaiters = new Set<{
    matches: (line: string) => boolean;
    resolve: (line: string) => void;
  }>();
  /** While the shell reprints its prompt (see renameGuest): what it printed so far. */
  #unseen: { text: string; done: () => void } | null = null;

  /** The language the lab's guest speaks in its own lines (see guestLanguage.ts). */
  language: GuestLanguage = 'en';
  /** The guest is the lab's own (its init reads the control lines), not a user's image. */
  #labGuest = false;

  /** The emulator the console talks to from now on (null: none; what is sent is dropped). */
  connect(emulator: SerialLink | null): void {
    this.#subscriptions.dispose();
    this.#emulator = emulator;
    if (!emulator) return;
    this.#subscriptions.add(emulator.on('output', ({ bytes }) => this.receive(bytes)));
    this.#subscriptions.add(emulator.on('control', (line) => this.receiveControl(line)));
  }

  /**
   * A new guest powers on: the screen clears and the console waits for `readyText` (null: a
   * guest of the user's, whose prompt the lab does not know and never answers).
   */
  powerOn(readyText: string | null): void {
    this.#log.clear();
    this.#readiness = readyText === null ? null : new ReadinessDetector(readyText);
    this.#labGuest = readyText !== null;
    this.poweredOn = true;
    this.events.emit('poweredOn', undefined);
  }

  /** What the guest printed; true when it was its prompt (the first time). */
  receive(chunk: Uint8Array): boolean {
    const unseen = this.#unseen;
    if (unseen) {
      unseen.text = (unseen.text + new TextDecoder().decode(chunk)).slice(-512);
      if (!endsWithPrompt(unseen.text)) return false;
      // The new prompt replaces the line on screen (the old prompt, or one already renamed).
      const line = unseen.text.slice(unseen.text.lastIndexOf('\n') + 1);
      unseen.done();
      chunk = encoder.encode(`\r\x1b[K${line}`);
    }
    this.#log.append(chunk);
    this.events.emit('output', chunk);
    const prompt = this.#readiness?.feed(chunk) ?? false;
    if (prompt) this.events.emit('prompt', undefined);
    return prompt;
  }

  /** The guest is a saved state, at its prompt, with `screen` as the output saved with it. */
  showRestored(screen: Uint8Array): void {
    this.#log.clear();
    this.#log.append(screen);
    this.#readiness?.markReady();
    this.events.emit('restored', { screen });
  }

  /**
   * A restored guest, shown under this machine's name (`screen`: the output saved with it). If it
   * was saved under another name, the guest is renamed once `running` resolves (it must run to
   * answer; null: it is paused, and takes its new name when it runs again); resolves when done.
   */
  async showRestoredAs(screen: string, name: string, running: Promise<void> | null): Promise<void> {
    const shown = withoutQueries(renamePrompt(localizeWelcome(screen, this.language), name));
    this.showRestored(encoder.encode(shown));
    this.setLanguage(this.language); // it was saved speaking the language of its day
    // Its shell may wait for the answer to the cursor question it asked before it was saved
    // (the query is not shown again, so no terminal answers it): typing then took seconds to
    // reach it. Answered as a terminal would; a shell that had its answer ignores a second.
    if (running && asksCursor(screen)) void running.then(() => this.#send(0, cursorReport(shown)));
    const saved = promptHost(screen);
    if (saved === null || saved === name) return;
    if (!running) return this.setHostname(name);
    await running;
    await this.renameGuest(name);
  }

  /** The guest's shell printed its first prompt: if it shows another name, it is renamed. */
  async nameAtPrompt(name: string): Promise<void> {
    const shown = promptHost(new TextDecoder().decode(this.#log.contents().subarray(-512)));
    if (shown !== null && shown !== name) await this.renameGuest(name);
  }

  /** Asks the terminal showing this console to take the keyboard. */
  focusTerminal(): void {
    this.events.emit('focus', undefined);
  }

  /** The prompt is up (tells terminals, e.g. to send their size again). */
  announceReady(): void {
    this.events.emit('ready', undefined);
  }

  /** What the user types into the guest's serial console (held while something holds it). */
  sendInput(data: string): void {
    this.#typing.type(data);
  }

  /** Input from the program driving the console (vm/runCommand.ts, its one caller). */
  typeAsProgram(data: string): void {
    this.#send(0, data);
  }

  /**
   * Holds the user's typing while `owner` changes the machine (delivered whole when the last
   * holder lets go): call the result to let go.
   */
  hold(owner: string): () => void {
    return this.#typing.claim(owner);
  }

  /** No machine here will run to take what was typed for it (it failed, a restore broke it,
   * it moved to another host): the typing held, dropped and returned. */
  discardHeld(): string {
    return this.#typing.discard();
  }

  /** The console output since power-on (the most recent part), for a terminal that attaches late. */
  recentOutput(): Uint8Array {
    return this.#log.contents();
  }

  /** True when the output ends with a shell prompt: nothing is running in the foreground. */
  atPrompt(): boolean {
    const tail = this.#log.contents().subarray(-512);
    return endsWithPrompt(new TextDecoder().decode(tail));
  }

  /** Tells the guest the terminal's size; its init applies it to ttyS0 (images/initramfs/init). */
  setTerminalSize(rows: number, cols: number): void {
    this.#send(1, `${rows} ${cols}\n`);
  }

  /** Names the guest: its init sets the hostname, and the next prompt says it. */
  setHostname(name: string): void {
    this.#send(1, `hostname ${name}\n`);
  }

  /** The guest's own lines in `language` from now on (the lab's guest: its init is told). */
  setLanguage(language: GuestLanguage): void {
    this.language = language;
    if (this.#labGuest) this.#send(1, `lang ${language}\n`);
  }

  /** A line from the guest's control port (ttyS1). */
  receiveControl(line: string): void {
    for (const waiter of this.#controlWaiters) if (waiter.matches(line)) waiter.resolve(line);
  }

  /**
   * Names the guest now, prompt included (unless `redraw` is false: a program in the foreground
   * gets no Enter of ours): once its init says the hostname is set, the shell is asked for a new
   * prompt (an empty command line), which takes the place of the prompt line on screen. The
   * caller holds the user's typing meanwhile. Resolves when done, or after a few seconds.
   */
  async renameGuest(name: string, redraw = true): Promise<void> {
    const named = await this.request(`hostname ${name}`, (line) => line === `hostname ${name}`);
    if (named === null || !redraw) return;
    const prompted = this.#waitFor((resolve) => {
      this.#unseen = { text: '', done: resolve };
      return () => (this.#unseen = null);
    });
    this.#send(0, '\r');
    await prompted;
  }

  /**
   * Sends `line` on the control port and waits for the guest's answer (the first control line
   * that `matches`): the answer, or null after `timeoutMs`.
   */
  async request(
    line: string,
    matches: (answer: string) => boolean,
    timeoutMs = RENAME_TIMEOUT_MS,
  ): Promise<string | null> {
    let answer: string | null = null;
    const answered = this.#waitFor((resolve) => {
      const waiter = {
        matches,
        resolve: (got: string) => {
          answer = got;
          resolve();
        },
      };
      this.#controlWaiters.add(waiter);
      return () => this.#controlWaiters.delete(waiter);
    }, timeoutMs);
    this.#send(1, `${line}\n`);
    return (await answered) ? answer : null;
  }

  /** Waits for `arm`'s signal (true) or `timeoutMs` (false); `arm` returns its undo. */
  #waitFor(
    arm: (resolve: () => void) => () => void,
    timeoutMs = RENAME_TIMEOUT_MS,
  ): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        disarm();
        resolve(ok);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const disarm = arm(() => finish(true));
    });
  }

  dispose(): void {
    this.#typing.discard();
    this.#controlWaiters.clear();
    this.#unseen = null;
    this.connect(null);
    this.events.clear();
  }

  #send(port: number, data: string): void {
    this.#emulator?.sendSerial({ port, bytes: encoder.encode(data) });
  }
}
