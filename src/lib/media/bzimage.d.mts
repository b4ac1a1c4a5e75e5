export interface BzImageHeader {
  protocol: string;
  protocolNumber: number;
  loadedHigh: boolean;
  minimumSize: number;
}
export function bzImageHeader(bytes: Uint8Array): BzImageHeader | null;
export function kernelReleaseFromBzImage(bytes: Uint8Array): string;
