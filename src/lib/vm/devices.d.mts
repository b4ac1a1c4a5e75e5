// Types of devices.mjs (plain JS: images/build-boot-state.mjs runs it in Node).
export type NicKind = 'ne2k' | 'virtio';
export declare const V86_DEVICES: Readonly<{
  vga_memory_size: number;
  uart1: boolean;
  disable_keyboard: boolean;
  disable_mouse: boolean;
  disable_speaker: boolean;
}>;
export declare function v86Devices(nic: NicKind): typeof V86_DEVICES & {
  net_device: { type: NicKind };
  preserve_mac_from_state_image: boolean;
};
