// Where a machine's power-on comes from: the profile's pre-booted state (a copy kept from an
// earlier start, or a download the next emulator worker starts at once), or its images for a
// boot from the BIOS (downloaded once for the whole lab, with progress while they come).
import type { GuestImages } from '../guest/catalog';
import type { GuestSource } from '../guest/GuestSource';
import type { GuestProfile } from '../guest/manifest';
import type { PowerOnConfig, StateRequest } from '../../common/protocol/emulator';
import { info } from '../notices/notice';
import type { PowerNews } from './power';
import { coldBootCmdline, type GuestLanguage } from './guestLanguage';

/** What to power on: images to boot from the BIOS, or a saved state to resume. */
export type PowerSource =
  | { images: GuestImages }
  | { state: ArrayBuffer; gzipped: boolean; screen: string }
  /** The pre-booted state, downloaded and decoded by the emulator worker itself. */
  | { download: StateRequest; screen: string };

export class PowerSources {
  constructor(
    private readonly guests: GuestSource,
    /** Tells the machine about a download's progress, or why a boot will be a cold one. */
    private readonly report: (news: PowerNews) => void,
  ) {}

  /**
   * The profile's pre-booted state if this build can resume it (a download is started by
   * `fetch`, on the next emulator worker), else its images; `cold`: the images in any case.
   */
  async fresh(
    profile: GuestProfile,
    fetch: (request: StateRequest) => void,
    cold = false,
  ): Promise<PowerSource> {
    return (cold ? null : this.bootState(profile, fetch)) ?? this.images(profile);
  }

  /** The profile's images, for the whole boot from the BIOS. */
  async images(profile: GuestProfile): Promise<PowerSource> {
    const report = this.report;
    const images = await this.guests.images(profile, (progress) =>
      report({ kind: 'progress', progress }),
    );
    report({ kind: 'progress', progress: null });
    return { images };
  }

  /** The pre-booted state, or null with a note saying why the boot will be a cold one. */
  bootState(profile: GuestProfile, fetch: (request: StateRequest) => void): PowerSource | null {
    const start = this.guests.bootStart(profile);
    switch (start.kind) {
      case 'none':
        return null;
      case 'incompatible':
        this.report({
          kind: 'note',
          note: info('machine.note.bootStateIncompatible', { reasons: start.reasons.join(', ') }),
        });
        return null;
      case 'kept':
        return { state: start.state, gzipped: start.gzipped, screen: start.screen };
      case 'download':
        fetch(start.request);
        return { download: start.request, screen: start.screen };
    }
  }
}

/** What the worker powers on from; the images are copied, as the worker takes what it is given. */
export function powerOnSource(
  power: PowerSource,
  profile: GuestProfile,
  language: GuestLanguage,
): Omit<PowerOnConfig, 'memoryBytes' | 'hardware'> {
  if ('images' in power) {
    const { bios, kernel, initrd, vgaBios, media } = power.images;
    const boot = {
      bios: bios.slice(0),
      vgaBios: vgaBios?.slice(0) ?? null,
      kernel: kernel?.slice(0) ?? null,
      initrd: initrd?.slice(0) ?? null,
      media, // a Blob: the worker gets a handle on the same file, not a copy
    };
    // The lab's guest is told its language and shows its boot; a user's kernel gets the command
    // line it was given.
    const cmdline = profile.user ? profile.cmdline : coldBootCmdline(profile.cmdline, language);
    return { boot: { ...boot, cmdline } };
  }
  if ('download' in power) return { fetchedState: power.download };
  return { state: power.state, stateGzipped: power.gzipped };
}
