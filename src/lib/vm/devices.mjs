// The emulated PC's devices besides CPU and memory, in one place for the lab's emulator worker
// and for images/build-boot-state.mjs: a saved state restores only into the same devices.
// Serial-only: no VGA text console beyond a minimal buffer, no PS/2 keyboard or mouse, no speaker;
// a second UART carries the terminal's size to the guest.
export const V86_DEVICES = Object.freeze({
  vga_memory_size: 256 * 1024,
  uart1: true,
  disable_keyboard: true,
  disable_mouse: true,
  disable_speaker: true,
});
