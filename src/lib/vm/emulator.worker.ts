// Runs v86 off the page's main thread: the serial-only guest needs no DOM, and the lab's own
// rendering (terminal, panels) then never competes with the emulated CPU.
import type { V86 } from 'v86';
import { messageOf } from '../errors';
import { V86_DEVICES } from './devices.mjs';
import type { CounterReading, EmulatorConfig, FromWorker, ToWorker } from './emulatorProtocol';

/** The parts of v86's CPU object used here (not in v86's type definitions). */
interface V86Cpu {
  set_jit_config(index: number, value: number): void;
  jit_clear_cache(): void;
}

let emulator: V86 | null = null;
let pending: number[] = [];
let counterTimer = 0;

const post = (message: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);
// Read with its own timestamp (epoch ms, comparable across threads), so the page's rate maths
// does not depend on when the message happens to arrive.
const counter = (): CounterReading => ({
  value: emulator ? emulator.get_instruction_counter() >>> 0 : 0,
  at: performance.timeOrigin + performance.now(),
});

/** Turns v86's JIT (x86 → WebAssembly translation) on or off while the guest runs. */
function setJit(e: V86, enabled: boolean) {
  const cpu = (e as unknown as { v86: { cpu: V86Cpu } }).v86.cpu;
  cpu.set_jit_config(0, enabled ? 0 : 1); // config 0: "JIT disabled"
  cpu.jit_clear_cache(); // without this, blocks compiled earlier would keep running
}

function flush() {
  if (pending.length === 0) return;
  const bytes = Uint8Array.from(pending);
  pending = [];
  post({ type: 'output', bytes, reading: counter() }, [bytes.buffer]);
}

async function create(config: EmulatorConfig) {
  const { V86: Emulator } = (await import(
    /* @vite-ignore */ config.libraryUrl
  )) as typeof import('v86');
  const boot = config.boot;
  const e = new Emulator({
    wasm_fn: async (imports) => (await WebAssembly.instantiate(config.wasm, imports)).exports,
    ...(boot
      ? {
          bios: { buffer: boot.bios },
          bzimage: { buffer: boot.kernel },
          initrd: { buffer: boot.initrd },
          cmdline: boot.cmdline,
        }
      : {}),
    memory_size: config.memoryBytes,
    ...V86_DEVICES,
    autostart: !config.state,
  });
  emulator = e;
  // Bytes of one emulator tick go out as one message.
  e.add_listener('serial0-output-byte', (byte) => {
    pending.push(byte);
    if (pending.length === 1) queueMicrotask(flush);
  });
  const state = config.state;
  if (state) {
    await new Promise<void>((resolve) => e.add_listener('emulator-loaded', () => resolve()));
    await e.restore_state(state);
    await e.run();
    post({ type: 'resumed' });
  }
  counterTimer = setInterval(
    () => post({ type: 'counter', reading: counter() }),
    250,
  ) as unknown as number;
}

async function call(message: Extract<ToWorker, { type: 'call' }>) {
  const e = emulator;
  if (!e) throw new Error('no emulator');
  switch (message.method) {
    case 'stop':
      await e.stop();
      flush();
      return undefined;
    case 'run':
      await e.run();
      return undefined;
    case 'save':
      flush();
      return await e.save_state();
    case 'restore':
      pending = [];
      await e.restore_state(message.state);
      return undefined;
    case 'setJit':
      setJit(e, message.enabled);
      return undefined;
    case 'destroy':
      clearInterval(counterTimer);
      emulator = null;
      await e.destroy();
      return undefined;
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'create') {
    await create(message.config).catch((error: unknown) =>
      post({ type: 'crash', message: messageOf(error) }),
    );
  } else if (message.type === 'serial') {
    emulator?.serial_send_bytes(message.port, message.bytes);
    // The moment input reaches the guest, with the counter then: timing starts here.
    post({ type: 'counter', reading: counter() });
  } else {
    try {
      const state = await call(message);
      post(
        { type: 'reply', id: message.id, ok: true, state, counter: counter() },
        state ? [state] : [],
      );
    } catch (error) {
      post({ type: 'reply', id: message.id, ok: false, message: messageOf(error) });
    }
  }
};

const crash = (reason: unknown) => post({ type: 'crash', message: messageOf(reason) });
self.addEventListener('error', (e) => crash(e.error ?? e.message));
self.addEventListener('unhandledrejection', (e) => crash(e.reason));
