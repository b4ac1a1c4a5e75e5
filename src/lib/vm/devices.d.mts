export const V86_DEVICES: Readonly<{
  vga_memory_size: number;
  uart1: boolean;
  disable_keyboard: boolean;
  disable_mouse: boolean;
  disable_speaker: boolean;
}>;
