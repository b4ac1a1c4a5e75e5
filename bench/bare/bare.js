// Bare v86: fetch the app's images, boot them, note when the prompt appears. Nothing else.
import { V86 } from './v86/libv86.mjs';

const params = new URL(location.href).searchParams;
const images = new URL('../images/', location.href);
const manifest = await (await fetch(new URL('manifest.json', images))).json();
const profile = manifest.profiles[0];

async function load(name) {
  const response = await fetch(new URL(name, images));
  if (!name.endsWith('.gz')) return response.arrayBuffer();
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}
const [bios, bzimage, initrd] = await Promise.all(
  [profile.files.bios, profile.files.kernel, profile.files.initrd].map(load),
);

let text = '';
let ready = false;
const state = { text: () => text, prompt: false, emulator: null };
window.bare = state;

performance.mark('new-v86');
const emulator = new V86({
  wasm_path: new URL('./v86/v86.wasm', location.href).href,
  bios: { buffer: bios },
  bzimage: { buffer: bzimage },
  initrd: { buffer: initrd },
  cmdline: profile.cmdline,
  memory_size: profile.memory_mb * 1024 * 1024,
  vga_memory_size: 256 * 1024,
  uart1: true,
  disable_keyboard: true,
  disable_mouse: true,
  disable_speaker: true,
  disable_jit: params.has('nojit'),
  autostart: true,
});
state.emulator = emulator;
emulator.add_listener('serial0-output-byte', (byte) => {
  text += String.fromCharCode(byte);
  if (!ready && text.includes(profile.ready_text)) ready = true;
  if (ready && !state.prompt && text.endsWith('# ')) {
    state.prompt = true;
    performance.mark('prompt');
  }
});
