// Every part of v86 the lab reaches that v86's own type definitions (v86.d.ts) do not declare,
// typed once, and the one place that casts a V86 instance to reach them. Written against the
// pinned v86 0.5.462 (package.json): its src/browser/starter.js (`emulator.v86`, `.bus`,
// `.fs9p`, `.screen_adapter`), src/main.js (the main loop), src/cpu.js (the CPU, its JIT
// configuration and reboot), src/vga.js (the VGA device and the screen adapter it calls) and
// lib/filesystem.js (the 9p filesystem). A v86 upgrade is checked against this file first.
import type { V86 } from 'v86';

/** The main loop object (`emulator.v86`, src/main.js): how it runs CPU slices and yields. */
export interface V86Loop {
  running: boolean;
  yield(delayMs: number, tick: number): void;
  yield_callback(tick: number): void;
  next_tick(delayMs: number): void;
  unregister_yield(): void;
}

/** What V86.save_state and restore_state wrap, synchronous, on the main loop (src/main.js). */
export interface V86States {
  save_state(): ArrayBuffer;
  restore_state(state: ArrayBuffer): void;
}

/** The VGA device's methods that draw a graphics mode's changes (src/vga.js). */
export interface VgaDevice {
  /** Draws what changed and calls the adapter's update_buffer. */
  screen_fill_buffer(): void;
  /** Marks the whole screen changed: the next fill reports all of it. */
  complete_redraw(): void;
}

/** The CPU object (`emulator.v86.cpu`, src/cpu.js). */
export interface V86Cpu {
  /** JIT settings by index; 0 is "JIT disabled". */
  set_jit_config(index: number, value: number): void;
  jit_clear_cache(): void;
  /** The BIOS the PC restarts from (absent in a machine resumed from a saved state). */
  bios: { main?: ArrayBuffer };
  reboot_internal(): void;
  devices: { vga?: VgaDevice; pit?: { counter_start_time: Float64Array } };
  /** The guest's RAM lives in this memory… */
  wasm_memory: WebAssembly.Memory;
  /** …at this view's offset (a Proxy that builds a new view on every access: read it once). */
  mem8: Uint8Array;
  /** [0]: the RAM's size in bytes. */
  memory_size: Uint32Array;
  /** A saved state's memory: the non-zero pages and which they are (src/cpu.js). */
  pack_memory(): { bitmap: { get_buffer(): ArrayBuffer }; packed_memory: Uint8Array };
  /** Zeroes RAM (a WebAssembly export of v86's). */
  zero_memory(offset: number, length: number): void;
  /** Restoring: zeroes all RAM, then writes the packed pages. */
  unpack_memory(bitmap: unknown, packed: Uint8Array): void;
  /** v86's WebAssembly instance: its allocator reserves room in `wasm_memory`. */
  wm: { exports: { v86_malloc(bytes: number): number; v86_free(pointer: number): void } };
}

/** v86's device bus (`emulator.bus`): network frames and mouse input go through it. */
export interface V86Bus {
  send(event: 'net0-receive', frame: Uint8Array): void;
  send(event: 'mouse-delta', delta: [number, number]): void;
  send(event: 'mouse-click', buttons: [boolean, boolean, boolean]): void;
}

/** An inode of the 9p filesystem (lib/filesystem.js). */
export interface Inode {
  size: number;
  mtime: number;
  mode: number;
}

/** The in-memory 9p filesystem (`emulator.fs9p`): the guest's /mnt/host. */
export interface Fs9p {
  SearchPath(path: string): { id: number; parentid: number };
  GetInode(id: number): Inode;
  read_dir(path: string): string[] | undefined;
  Read(id: number, offset: number, count: number): Promise<Uint8Array | null>;
  Unlink(parentId: number, name: string): number;
  /** v86 calls it on every create, write, rename and delete; a no-op of its own. */
  NotifyListeners(id: number, kind: string): void;
  ChangeSize(id: number, size: number): Promise<void>;
}

/** What the shared folder needs of an emulator: its filesystem and v86's (typed) create_file. */
export interface V86Files {
  fs9p?: Fs9p;
  create_file(path: string, data: Uint8Array): Promise<void>;
}

/** A region of a graphics mode's picture, as the VGA device hands it to the adapter. */
export interface ScreenLayer {
  image_data: ImageData;
  screen_x: number;
  screen_y: number;
  buffer_x: number;
  buffer_y: number;
  buffer_width: number;
  buffer_height: number;
}

/** The screen adapter interface the VGA device calls (src/browser/screen.js has the page's). */
export interface ScreenAdapter {
  put_char(row: number, col: number, chr: number, flags: number, bg: number, fg: number): void;
  set_mode(graphical: boolean): void;
  set_size_text(cols: number, rows: number): void;
  set_size_graphical(width: number, height: number): void;
  update_cursor(row: number, col: number): void;
  update_cursor_scanline(start: number, end: number, max: number): void;
  update_buffer(layers: ScreenLayer[]): void;
  clear_screen(): void;
}

/** What an instance has beyond v86.d.ts. */
interface Reached {
  v86: V86Loop & V86States & { cpu: V86Cpu };
  bus: V86Bus;
}

/** The main loop (undefined until v86 has made it). */
export const loopOf = (e: V86): V86Loop | undefined => (e as unknown as Partial<Reached>).v86;
/** The synchronous state save and restore (throws before v86 has made its loop). */
export const statesOf = (e: V86): V86States => {
  const loop = (e as unknown as Partial<Reached>).v86;
  if (!loop) throw new Error('the emulator has not started');
  return loop;
};
export const cpuOf = (e: V86): V86Cpu => (e as unknown as Reached).v86.cpu;

/** Turns v86's JIT (x86 → WebAssembly translation) on or off while the guest runs. */
export function setJit(e: V86, enabled: boolean): void {
  const cpu = cpuOf(e);
  cpu.set_jit_config(0, enabled ? 0 : 1); // config 0: "JIT disabled"
  cpu.jit_clear_cache(); // without this, blocks compiled earlier would keep running
}
export const busOf = (e: V86): V86Bus => (e as unknown as Reached).bus;
export const filesOf = (e: V86): V86Files => e;
/** The VGA device, once the CPU has made it (undefined before, and in a machine without one). */
export const vgaOf = (e: V86): VgaDevice | undefined =>
  (e as unknown as Partial<Reached>).v86?.cpu.devices.vga;

/**
 * Calls `adopt` with the screen adapter v86 sets up while it initialises (its stand-in, as there
 * is no DOM in a worker), before its VGA device exists: the lab takes the adapter over then.
 */
export function whenScreenAdapterSet(e: V86, adopt: (adapter: ScreenAdapter) => void): void {
  let adapter: unknown;
  Object.defineProperty(e, 'screen_adapter', {
    configurable: true,
    get: () => adapter,
    set: (value: unknown) => {
      adapter = value;
      adopt(value as ScreenAdapter);
    },
  });
}

/** The guest's RAM as a plain view (valid until v86 grows its WebAssembly memory: take it anew). */
export function guestRam(e: V86): Uint8Array {
  const cpu = cpuOf(e);
  return new Uint8Array(cpu.wasm_memory.buffer, cpu.mem8.byteOffset, cpu.memory_size[0]);
}
