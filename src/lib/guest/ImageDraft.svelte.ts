// "Add a guest", as a service: the boot image of the user's being looked at (what it is, or why
// it will not boot), the choices made for it (device, memory, command line, initrd), its storing
// with progress, and what the panel tells the user. Removing a stored image is here too.
import type { Detection, BootDevice } from '../media/detect';
import {
  defaultMemoryMb,
  inspectImage,
  minimumMemoryMb,
  type ImportProgress,
} from '../media/importImage';
import { info, noticeOf, type Notice } from '../notices/notice';
import type { Machine } from '../vm/Machine.svelte';
import type { AddMachine, GuestShelf } from './GuestShelf.svelte';

export class ImageDraft {
  file = $state.raw<File | null>(null);
  detection = $state.raw<Detection | null>(null);
  device = $state<BootDevice>('cdrom');
  memoryMb = $state(128);
  cmdline = $state('console=ttyS0 console=tty0');
  initrd = $state.raw<File | null>(null);
  progress = $state.raw<ImportProgress | null>(null);
  notice = $state.raw<Notice | null>(null);
  /** The least memory the guest boots with: v86 puts the initrd at 64 MiB. */
  readonly least = $derived(minimumMemoryMb(this.device, this.initrd?.size ?? 0));

  constructor(
    private readonly shelf: GuestShelf,
    private readonly addMachine: AddMachine,
  ) {}

  /** A file picked or dropped: looked at, with the choices it suggests. */
  async look(chosen: File | undefined): Promise<void> {
    if (!chosen) return;
    this.notice = null;
    this.file = chosen;
    const detection = (this.detection = await inspectImage(chosen));
    this.device = detection.device ?? 'cdrom';
    this.initrd = null;
    this.memoryMb = defaultMemoryMb(this.device, 0);
  }

  cancel(): void {
    this.file = null;
    this.detection = null;
  }

  /**
   * Stores the image as chosen and boots it: in a new machine (null), or in place of what runs in
   * `replace` (the user was told that is lost).
   */
  async add(replace: Machine | null): Promise<void> {
    const file = this.file;
    if (!file || !this.detection?.device) return;
    const { device, memoryMb, cmdline, initrd } = this;
    try {
      const choices = { device, memoryMb, cmdline, initrd };
      const profile = await this.shelf.add(file, choices, (p) => (this.progress = p));
      this.cancel();
      if (replace) {
        this.notice = info('media.added', { name: file.name, machine: replace.name });
        await replace.changeProfile(profile);
        return;
      }
      const machine = await this.addMachine(profile.id);
      this.notice = machine
        ? info('media.added', { name: file.name, machine: machine.name })
        : info('media.addedNoRoom', { name: file.name });
    } catch (error) {
      this.notice = noticeOf(error, 'media.error.store');
    } finally {
      this.progress = null;
    }
  }

  async remove(image: GuestShelf['images'][number]): Promise<void> {
    try {
      await this.shelf.remove(image);
      this.notice = info('media.removed', { name: image.name });
    } catch (error) {
      this.notice = noticeOf(error, 'media.error.store');
    }
  }
}
