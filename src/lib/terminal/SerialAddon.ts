// An xterm.js addon that wires a terminal to a machine's serial console, both ways.
import type { IDisposable, ITerminalAddon, Terminal } from '@xterm/xterm';
import { DisposableStore, type Emitter } from '../../common/events/emitter';
import type { ConsoleEvents } from '../vm/SerialConsole.svelte';

/** What the addon needs of a machine. */
export interface SerialPort {
  readonly events: Emitter<ConsoleEvents>;
  /** True once the guest has been powered on at least once. */
  readonly poweredOn: boolean;
  sendInput(data: string): void;
  setTerminalSize(rows: number, cols: number): void;
  recentOutput(): Uint8Array;
}

export class SerialAddon implements ITerminalAddon {
  #store = new DisposableStore();

  constructor(private readonly port: SerialPort) {}

  activate(terminal: Terminal): void {
    const { port } = this;
    const add = (d: IDisposable | (() => void)) => this.#store.add(d);
    // Whatever the guest printed before this terminal existed.
    const earlier = port.recentOutput();
    if (earlier.byteLength > 0) terminal.write(earlier);
    add(port.events.on('output', (bytes) => terminal.write(bytes)));
    add(port.events.on('poweredOn', () => terminal.reset()));
    add(
      port.events.on('restored', ({ screen }) => {
        terminal.reset();
        terminal.write(screen);
      }),
    );
    // Keys typed, pastes, and xterm's answers to the shell's queries (e.g. ESC [ 6 n) all go here.
    add(terminal.onData((data) => port.sendInput(data)));
    add(terminal.onBinary((data) => port.sendInput(data)));
    // The guest learns the size now (the terminal may attach after the prompt is up: a resumed
    // state is that quick), on every resize, and once more at its prompt (sizes sent while it
    // boots or resumes may not reach its shell).
    port.setTerminalSize(terminal.rows, terminal.cols);
    add(terminal.onResize(({ rows, cols }) => port.setTerminalSize(rows, cols)));
    add(port.events.on('ready', () => port.setTerminalSize(terminal.rows, terminal.cols)));
  }

  dispose(): void {
    this.#store.dispose();
  }
}
