// The Internet checksum (RFC 1071), for the frames the lab's own services build.

export function internetChecksum(bytes: Uint8Array, start = 0, end = bytes.length, initial = 0) {
  let sum = initial;
  for (let i = start; i + 1 < end; i += 2) sum += (bytes[i]! << 8) | bytes[i + 1]!;
  if ((end - start) % 2 === 1) sum += bytes[end - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}
