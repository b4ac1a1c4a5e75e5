// Which pages of the guest's RAM changed since the last look: a live migration's rounds. The
// WebAssembly SIMD scan (pageScan.wat) reads v86's memory in place, its hashes kept in room
// v86's allocator gives it: ~2 ms for 32 MB, where the JavaScript scan (common/migration/pages.ts,
// the fallback where SIMD is missing) takes ~16 ms, most of an idle guest's downtime.
import type { V86 } from 'v86';
import { PAGE_SIZE, PageHashes } from '../../../common/migration/pages';
import { cpuOf, guestRam } from '../v86Internals';
import { PAGE_SCAN_WASM } from './pageScan.wasm';

export interface PageScan {
  readonly pages: number;
  /** The pages whose content differs from the last scan (the first: from what the scan was
   * told the other end holds; by default all zero). */
  scan(): Uint32Array<ArrayBuffer>;
  /** Gives back what the scan reserved. */
  dispose(): void;
}

/** Bytes of hash per page: two lanes of four 32-bit words. */
const HASH_BYTES = 32;

interface ScanExports {
  scan(this: void, ram: number, first: number, last: number, hashes: number, out: number): number;
}

let compiled: WebAssembly.Module | null | undefined;
function module(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = Uint8Array.from(atob(PAGE_SCAN_WASM), (c) => c.charCodeAt(0));
    compiled = new WebAssembly.Module(bytes);
  } catch {
    compiled = null; // no WebAssembly SIMD here
  }
  return compiled;
}

export function pageScan(e: V86): PageScan {
  return wasmScan(e) ?? jsScan(e);
}

/** The JavaScript scan, over a view of the guest's RAM taken anew each time. */
export function jsScan(e: V86): PageScan {
  const hashes = new PageHashes(cpuOf(e).memory_size[0]!);
  return { pages: hashes.pages, scan: () => hashes.scan(guestRam(e)), dispose: () => undefined };
}

/** The WebAssembly scan's page hashes, 32 bytes a page: what one end tells the other it holds. */
export type PageHashTable = Uint8Array<ArrayBuffer>;

/** The hashes of every page of `e`'s RAM as it is now (null without WebAssembly SIMD). */
export function hashesOf(e: V86): PageHashTable | null {
  const scan = wasmScan(e);
  if (!scan) return null;
  scan.scan();
  const table = scan.table();
  scan.dispose();
  return table;
}

/** `initial`: the other end's page hashes (hashesOf): a page it holds already is not named. */
export function wasmScan(
  e: V86,
  initial: PageHashTable | null = null,
): (PageScan & { table(): PageHashTable }) | null {
  const cpu = cpuOf(e);
  const compiled = module();
  if (!compiled) return null;
  const { scan } = new WebAssembly.Instance(compiled, { v86: { memory: cpu.wasm_memory } })
    .exports as unknown as ScanExports;
  const pages = cpu.memory_size[0]! / PAGE_SIZE;
  const ram = cpu.mem8.byteOffset;
  const allocator = cpu.wm.exports;
  const v86_malloc = (bytes: number) => allocator.v86_malloc(bytes);
  const v86_free = (pointer: number) => allocator.v86_free(pointer);
  const hashes = v86_malloc(pages * HASH_BYTES);
  const out = v86_malloc(pages * 4);
  const bytes = () => new Uint8Array(cpu.wasm_memory.buffer);
  if (initial) {
    if (initial.byteLength !== pages * HASH_BYTES)
      throw new RangeError(`${initial.byteLength} bytes of hashes for ${pages} pages`);
    bytes().set(initial, hashes);
  } else {
    // Every page starts as a zero page (a target's RAM zeroed): its hash, computed once on a
    // zeroed page, fills the table.
    const zero = v86_malloc(PAGE_SIZE + HASH_BYTES);
    bytes().fill(0, zero, zero + PAGE_SIZE + HASH_BYTES);
    scan(zero, 0, 1, zero + PAGE_SIZE, out); // the zero page, as "page 0" of a RAM at `zero`
    const memory = bytes();
    const hash = memory.slice(zero + PAGE_SIZE, zero + PAGE_SIZE + HASH_BYTES);
    for (let p = 0; p < pages; p++) memory.set(hash, hashes + p * HASH_BYTES);
    v86_free(zero);
  }
  return {
    pages,
    table: () => bytes().slice(hashes, hashes + pages * HASH_BYTES),
    scan: () => {
      const n = scan(ram, 0, pages, hashes, out);
      return new Uint32Array(cpu.wasm_memory.buffer, out, n).slice();
    },
    dispose: () => {
      v86_free(hashes);
      v86_free(out);
    },
  };
}
