// The emulated PC's devices besides CPU and memory, in one place for the lab's emulator worker
// and for images/build-boot-state.mjs: a saved state restores only into the same devices.
// Every machine has two UARTs (the second carries the lab's control lines), a virtio 9p device
// (the shared folder, /mnt/host in the guest) and no speaker. A serial-only guest gets a minimal
// VGA buffer and no PS/2 keyboard or mouse; a screen guest gets VGA memory for graphics modes,
// the keyboard and the mouse. The network card is the profile's: 'ne2k' (the emulated NE2000) or
// 'virtio' (paravirtual virtio-net); a restored card keeps the MAC address saved with it (v86
// would pick a random one that the guest's driver does not know).

/** Video memory of a screen guest: enough for VBE modes up to 1280×1024 in 32-bit colour. */
export const SCREEN_VGA_MEMORY = 8 * 1024 * 1024;

/**
 * @param {{ nic: 'ne2k' | 'virtio' | null, screen: boolean }} hardware
 */
export function v86Devices({ nic, screen }) {
  return {
    uart1: true,
    disable_speaker: true,
    filesystem: {},
    ...(screen
      ? { vga_memory_size: SCREEN_VGA_MEMORY }
      : { vga_memory_size: 256 * 1024, disable_keyboard: true, disable_mouse: true }),
    ...(nic ? { net_device: { type: nic }, preserve_mac_from_state_image: true } : {}),
  };
}
