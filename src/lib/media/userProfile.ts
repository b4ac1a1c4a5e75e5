// A guest profile for a boot image of the user's: the built-in screen guest's BIOSes and card,
// the image's device and memory, no pre-booted state, and "ready" when it shows anything.
import type { BuiltinProfile, GuestProfile } from '../guest/manifest';
import type { StoredImage } from '../../common/images/ImageStore';

const MiB = 1024 * 1024;
/** A foreign guest that shows nothing for this long gets a note (not a failure). */
export const USER_SILENCE_MS = 60_000;

export const userProfileId = (sha256: string) => `user-${sha256.slice(0, 16)}`;

/**
 * `base` lends the BIOS and VGA BIOS (a screen profile's). The card is an NE2000: nearly every
 * OS has a driver for it, which is not so for virtio-net.
 */
export function userProfile(image: StoredImage, base: BuiltinProfile): GuestProfile {
  return {
    id: userProfileId(image.sha256),
    name: image.name,
    kernelRelease: '',
    arch: 'x86',
    memoryBytes: image.memoryMb * MiB,
    nic: 'ne2k',
    display: 'screen',
    cmdline: image.cmdline,
    readyText: null,
    silenceLimitMs: USER_SILENCE_MS,
    bios: base.bios,
    vgaBios: base.vgaBios,
    kernel: null,
    initrd: null,
    bench: null,
    bootState: null,
    user: {
      sha256: image.sha256,
      name: image.name,
      size: image.size,
      device: image.device,
      initrd: image.initrd,
    },
  };
}
