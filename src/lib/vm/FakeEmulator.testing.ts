// A stand-in for the emulator worker, for unit tests only. It has the shape the protocol gives
// every emulator (`Emulator`: the protocol's methods and events), records what the machine asks
// of it and plays a tiny guest (it answers the lab's rename and prints prompts) when told to.
import { vi } from 'vitest';
import { Emitter } from '../../common/events/emitter';
import { RpcError } from '../../common/rpc/rpc';
import type { CreateEmulator, Emulator } from './EmulatorClient';
import type {
  EmulatorEvents,
  EmulatorMethods,
  EmulatorSetup,
  PowerOnConfig,
  StateRequest,
} from '../../common/protocol/emulator';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

type Args<K extends keyof EmulatorMethods> = EmulatorMethods[K]['args'];

export class FakeEmulator implements Emulator {
  config: PowerOnConfig | null = null;
  fetched: StateRequest | null = null;
  destroyed = false;
  /** What the machine wrote to each serial port (0: the console, 1: the control port). */
  serial: Record<number, string> = { 0: '', 1: '' };
  hostname = 'pc1';
  /** What the guest's DHCP client gets. */
  dhcpAddress = '10.0.1.20/24';
  #instructions = 0;
  #events = new Emitter<EmulatorEvents>();
  #crashes = new Emitter<{ crash: RpcError }>();

  constructor(readonly setupArgs: EmulatorSetup) {}

  on: Emulator['on'] = (name, listener) => this.#events.on(name, listener);
  onCrash: Emulator['onCrash'] = (listener) => this.#crashes.on('crash', listener);
  /** The worker reports `name` (as the real one would, unasked). */
  emit<K extends keyof EmulatorEvents>(name: K, data: EmulatorEvents[K]): void {
    this.#events.emit(name, data);
  }
  /** The worker fails. */
  crash(message: string): void {
    this.#crashes.emit('crash', new RpcError('crashed', message));
  }

  setup(): void {}
  fetchState(request: StateRequest): void {
    this.fetched = request;
  }
  powerOn(config: PowerOnConfig): void {
    this.config = config;
  }
  sendSerial({ port, bytes }: Args<'sendSerial'>): void {
    const text = decoder.decode(bytes);
    this.serial[port] = (this.serial[port] ?? '') + text;
    const control = (line: string) => queueMicrotask(() => this.emit('control', line));
    // The guest: its init sets the hostname and says so; its shell prints a prompt on Enter.
    const named = /^hostname ([a-z0-9-]+)\n$/.exec(text);
    if (port === 1 && named) {
      this.hostname = named[1]!;
      control(`hostname ${this.hostname}`);
    }
    // Its init sets the card's MAC address, and gets an address by DHCP.
    const mac = /^mac ([0-9a-f:]+)\n$/.exec(text);
    if (port === 1 && mac) control(`mac ${mac[1]}`);
    const vlans = /^(vlans.*)\n$/.exec(text);
    if (port === 1 && vlans) control(vlans[1]!);
    if (port === 1 && text === 'dhcp\n') control(`dhcp ${this.dhcpAddress}`);
    if (port === 0 && text.endsWith('\r')) queueMicrotask(() => this.prompt('\r\n'));
    // Its agent answers requests on the control port, the way images/initramfs/aula-agent does.
    const request = /^x (\S+) (.*)\n$/.exec(text);
    if (port === 1 && request) this.#answer(request[1]!, request[2]!);
    if (port === 1 && text === 'agent reset\n' && this.agent !== 'silent') {
      queueMicrotask(() => this.emit('agent', ['a ready']));
    }
  }
  /**
   * The guest agent: what a command answers (status and output), or 'silent' (an older guest
   * without one). Unknown commands answer status 127.
   */
  agent: 'silent' | ((command: string) => { status: number; output: string } | null) = (command) =>
    command === 'true' ? { status: 0, output: '' } : null;
  /** The requests the agent was given, in order. */
  agentRequests: string[] = [];

  #answer(id: string, command: string): void {
    this.agentRequests.push(command);
    if (this.agent === 'silent') return;
    const answer = this.agent(command) ?? { status: 127, output: `sh: ${command}: not found\n` };
    const lines = answer.output.split('\n');
    const last = lines.pop()!;
    const replies = [
      ...lines.map((line) => `o ${id} ${line}`),
      ...(last ? [`p ${id} ${last}`] : []),
      `x ${id} ${answer.status}`,
    ];
    queueMicrotask(() => this.emit('agent', replies));
  }

  /** Frames the switch delivered to the guest's card. */
  received: Uint8Array[] = [];
  receiveFrames(frames: Args<'receiveFrames'>): void {
    this.received.push(...frames);
  }
  /** The guest's card sends `frame`. */
  sendFrame(frame: Uint8Array<ArrayBuffer>): void {
    this.emit('frames', [frame]);
  }
  keys: number[] = [];
  sendKeys(codes: number[]): void {
    this.keys.push(...codes);
  }
  sendMouse = vi.fn((_move: Args<'sendMouse'>) => undefined);
  redrawScreen = vi.fn();
  /** The shared folder's files. */
  files = new Map<string, Uint8Array<ArrayBuffer>>();
  putFile({ name, bytes }: Args<'putFile'>): Promise<void> {
    this.files.set(name, bytes);
    return Promise.resolve();
  }
  getFile(name: string): Promise<Blob> {
    const bytes = this.files.get(name);
    return bytes ? Promise.resolve(new Blob([bytes])) : Promise.reject(new Error('file not found'));
  }
  /** Every question gets the whole list (a worker sends only what changed). */
  sharedChanges(since: number) {
    const changed = [...this.files].map(([name, bytes]) => ({
      name,
      size: bytes.length,
      modified: 0,
    }));
    return Promise.resolve({ version: since + 1, all: true, changed, removed: [] });
  }
  diskChanges = vi.fn(() => Promise.resolve(0));
  /** A migration needs two real emulators (worker/emulator/migration.test.ts): the fake refuses. */
  migrateOut = vi.fn((_: Args<'migrateOut'>) =>
    Promise.reject<EmulatorMethods['migrateOut']['result']>(
      new RpcError('Error', 'not in the fake'),
    ),
  );
  migrateIn = vi.fn((_: Args<'migrateIn'>) =>
    Promise.reject<number>(new RpcError('Error', 'not in the fake')),
  );
  stop = vi.fn(() => Promise.resolve());
  run = vi.fn(() => Promise.resolve());
  saveState = vi.fn(() => Promise.resolve(new Uint8Array([1, 2, 3]).buffer));
  restoreState = vi.fn((_state: ArrayBuffer) => Promise.resolve());
  setJit = vi.fn((_enabled: boolean) => Promise.resolve());
  destroy(): void {
    this.destroyed = true;
  }

  /** The guest prints `text`. */
  print(text: string): void {
    this.#instructions += 1_000_000;
    const reading = { value: this.#instructions, at: Date.now() };
    this.emit('output', { bytes: encoder.encode(text), reading });
  }
  /** The shell prints its prompt (after `before`). */
  prompt(before = ''): void {
    this.print(`${before}root@${this.hostname}:~# `);
  }
  /** The saved state given at power-on is running. */
  resumed = false;
  resume(): void {
    this.resumed = true;
    this.emit('resumed', null);
  }
}

/** A factory that keeps every fake it made, newest last. */
export function fakeEmulators(): { create: CreateEmulator; made: FakeEmulator[] } {
  const made: FakeEmulator[] = [];
  return {
    made,
    create: (setup) => {
      const fake = new FakeEmulator(setup);
      made.push(fake);
      return fake;
    },
  };
}
