// Inside the emulator worker: what a v86 instance needs beyond its options object: the files of
// a cold boot (a kernel, or a disk of the user's behind a write overlay), a reboot that a state
// without a BIOS cannot do itself, and a screen where there is no DOM.
import type { V86 } from 'v86';
import { OverlayDisk } from './OverlayDisk';
import { ScreenCapture } from './ScreenCapture';
import type { ScreenFrame } from '../../common/screen/frames';
import type { PowerOnConfig } from '../../common/protocol/emulator';
import { cpuOf, vgaOf, whenScreenAdapterSet } from './v86Internals';

/** v86's options for a cold boot: the BIOSes, and a kernel or a disk of the user's. */
export async function bootFiles(
  boot: NonNullable<PowerOnConfig['boot']>,
  /** Told the overlay disk the guest boots from, if it has one. */
  onDisk: (disk: OverlayDisk) => void,
): Promise<object> {
  const files: Record<string, unknown> = { bios: { buffer: boot.bios } };
  if (boot.vgaBios) files['vga_bios'] = { buffer: boot.vgaBios };
  if (boot.kernel) {
    files['bzimage'] = { buffer: boot.kernel };
    if (boot.initrd) files['initrd'] = { buffer: boot.initrd };
    files['cmdline'] = boot.cmdline;
  }
  const media = boot.media;
  if (media?.device === 'fda') {
    // A floppy is small (2.88 MB at most) and v86 reads it whole.
    files['fda'] = { buffer: await media.blob.arrayBuffer() };
  } else if (media) {
    const disk = new OverlayDisk(media.blob);
    onDisk(disk);
    files[media.device] = disk;
  }
  return files;
}

/**
 * A guest's reboot restarts the PC from its BIOS: a machine resumed from a saved state has none
 * (nor its kernel), so it stops and `onReboot` asks the page to boot it from its images.
 */
export function passRebootsFromStates(e: V86, onReboot: () => void): void {
  const cpu = cpuOf(e);
  const reboot = cpu.reboot_internal.bind(cpu);
  cpu.reboot_internal = () => {
    if (cpu.bios.main) return reboot();
    void e.stop();
    onReboot();
  };
}

/**
 * A screen guest: v86 sets up its stand-in screen adapter (there is no DOM here) while it
 * initialises, before its VGA device exists; a capture takes the adapter over at that moment.
 */
export function captureScreen(
  e: V86,
  onCapture: (capture: ScreenCapture) => void,
  send: (frame: ScreenFrame) => void,
): void {
  whenScreenAdapterSet(e, (adapter) => onCapture(new ScreenCapture(adapter, () => vgaOf(e), send)));
}
