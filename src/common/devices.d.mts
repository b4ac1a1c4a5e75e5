// Types of devices.mjs (plain JS: images/build-boot-state.mjs runs it in Node).
export type NicKind = 'ne2k' | 'virtio';

/** What a profile's machine has beyond CPU, memory and the common devices. */
export interface Hardware {
  nic: NicKind | null;
  /** A VGA screen with keyboard and mouse (else serial only). */
  screen: boolean;
}

export declare const SCREEN_VGA_MEMORY: number;
export declare function v86Devices(hardware: Hardware): Record<string, unknown>;
