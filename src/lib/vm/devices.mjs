// The emulated PC's devices besides CPU and memory, in one place for the lab's emulator worker
// and for images/build-boot-state.mjs: a saved state restores only into the same devices.
// Serial-only: no VGA text console beyond a minimal buffer, no PS/2 keyboard or mouse, no speaker;
// a second UART carries the lab's control lines to the guest; one network card of the profile's
// kind ('ne2k', the emulated NE2000, or 'virtio', paravirtual virtio-net).
export const V86_DEVICES = Object.freeze({
  vga_memory_size: 256 * 1024,
  uart1: true,
  disable_keyboard: true,
  disable_mouse: true,
  disable_speaker: true,
});

/**
 * The devices of a machine whose network card is `nic`. A restored card keeps the MAC address
 * saved with it (v86 would pick a random one that the guest's driver does not know).
 * @param {'ne2k' | 'virtio'} nic
 */
export function v86Devices(nic) {
  return { ...V86_DEVICES, net_device: { type: nic }, preserve_mac_from_state_image: true };
}
