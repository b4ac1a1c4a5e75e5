// Inside the emulator worker: the shared folder is v86's in-memory 9p filesystem, which the guest
// mounts at /mnt/host. Its root holds the files; names are plain (no folders).
import type { SharedFileInfo } from '../vm/emulatorProtocol';

/** The parts of v86's 9p filesystem used here (not in v86's type definitions). */
interface Inode {
  size: number;
  mtime: number;
  mode: number;
}
interface Fs9p {
  SearchPath(path: string): { id: number; parentid: number };
  GetInode(id: number): Inode;
  read_dir(path: string): string[] | undefined;
  Unlink(parentId: number, name: string): number;
}
interface WithFs {
  fs9p?: Fs9p;
  create_file(path: string, data: Uint8Array): Promise<void>;
  read_file(path: string): Promise<Uint8Array>;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

export class SharedFolderError extends Error {
  override name = 'SharedFolderError';
}

/** A name that is one plain file in the folder's root (no slashes, not . or ..). */
export function sharedFileName(name: string): string {
  const plain = name.replace(/[/\\\0]/g, '_').trim();
  if (plain === '' || plain === '.' || plain === '..' || plain.length > 255) {
    throw new SharedFolderError(`not a usable file name: "${name}"`);
  }
  return plain;
}

function fsOf(emulator: unknown): { fs: Fs9p; e: WithFs } {
  const e = emulator as WithFs;
  if (!e.fs9p) throw new SharedFolderError('this machine has no shared folder');
  return { fs: e.fs9p, e };
}

/** Writes (or replaces) a file in the folder's root. */
export async function putSharedFile(emulator: unknown, name: string, bytes: Uint8Array) {
  const { fs, e } = fsOf(emulator);
  const file = sharedFileName(name);
  const found = fs.SearchPath(`/${file}`);
  if (found.id !== -1) fs.Unlink(found.parentid, file);
  await e.create_file(`/${file}`, bytes);
}

export async function getSharedFile(emulator: unknown, name: string): Promise<Uint8Array> {
  const { e } = fsOf(emulator);
  return e.read_file(`/${sharedFileName(name)}`);
}

/** The regular files of the folder's root, by name. */
export function listSharedFiles(emulator: unknown): SharedFileInfo[] {
  const { fs } = fsOf(emulator);
  const names = fs.read_dir('/') ?? [];
  const files: SharedFileInfo[] = [];
  for (const name of names) {
    const { id } = fs.SearchPath(`/${name}`);
    if (id === -1) continue;
    const inode = fs.GetInode(id);
    if ((inode.mode & S_IFMT) !== S_IFREG) continue;
    files.push({ name, size: inode.size, modified: inode.mtime * 1000 });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
