// Bare v86 booting a user's ISO: the File handed to v86 as its CD-ROM (v86 reads a File under
// 256 MB whole into memory), until the screen shows the guest's first text.
import { V86 } from './v86/libv86.mjs';

const images = new URL('../images/', location.href);
const manifest = await (await fetch(new URL('manifest.json', images))).json();
const screenProfile = manifest.profiles.find((p) => p.display === 'screen');
const [bios, vgaBios] = await Promise.all(
  [screenProfile.files.bios, screenProfile.files.vga_bios].map(async (name) =>
    (await fetch(new URL(name, images))).arrayBuffer(),
  ),
);
const screen = document.getElementById('screen');

window.isoBench = {
  ready: true,
  /** Boots the chosen file; resolves when the screen shows `text`, with ms and heap growth. */
  boot(text) {
    const file = document.getElementById('iso').files[0];
    const baseline = performance.memory.usedJSHeapSize;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, performance.memory.usedJSHeapSize);
    }, 20);
    const started = performance.now();
    const emulator = new V86({
      wasm_path: new URL('./v86/v86.wasm', location.href).href,
      bios: { buffer: bios },
      vga_bios: { buffer: vgaBios },
      cdrom: { buffer: file },
      memory_size: 128 * 1024 * 1024,
      vga_memory_size: 8 * 1024 * 1024,
      screen_container: screen,
      filesystem: {},
      autostart: true,
    });
    window.isoBench.emulator = emulator;
    return new Promise((resolve) => {
      const check = setInterval(() => {
        peak = Math.max(peak, performance.memory.usedJSHeapSize);
        if (!screen.firstElementChild.textContent.includes(text)) return;
        clearInterval(check);
        clearInterval(sampler);
        resolve({ ms: performance.now() - started, heapGrowth: peak - baseline });
      }, 10);
    });
  },
};
