// Inside the emulator worker: the shared folder is v86's in-memory 9p filesystem, which the guest
// mounts at /mnt/host. Its root holds the files. A file coming in gets a plain name of ours
// (sharedFileName); a file going out is named exactly as the guest named it (guestFileName).
import type { SharedFileInfo, SharedChanges } from '../../common/protocol/emulator';
import { diffListing } from '../../common/sharedFolder/listing';
import type { Fs9p, Inode, V86Files } from './v86Internals';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
/** A download is read from the guest's file and handed on in pieces of this size. */
const READ_PIECE = 1024 * 1024;

export class SharedFolderError extends Error {
  override name = 'SharedFolderError';
}

/** A name that is one plain file in the folder's root (no slashes, not . or ..), for a file sent in. */
export function sharedFileName(name: string): string {
  const plain = name.replace(/[/\\\0]/g, '_').trim();
  if (plain === '' || plain === '.' || plain === '..' || plain.length > 255) {
    throw new SharedFolderError(`not a usable file name: "${name}"`);
  }
  return plain;
}

/**
 * A file of the folder's root as the guest named it, unchanged: refused (not rewritten) if it
 * could name anything else (a path, . or ..), so it never stands for another file.
 */
export function guestFileName(name: string): string {
  if (
    name === '' ||
    name === '.' ||
    name === '..' ||
    /[/\0]/.test(name) ||
    new TextEncoder().encode(name).length > 255
  ) {
    throw new SharedFolderError(`not a file of the shared folder: "${name}"`);
  }
  return name;
}

function fsOf(e: V86Files): { fs: Fs9p; e: V86Files } {
  if (!e.fs9p) throw new SharedFolderError('this machine has no shared folder');
  return { fs: e.fs9p, e };
}

/** Writes (or replaces) a file in the folder's root. */
export async function putSharedFile(emulator: V86Files, name: string, bytes: Uint8Array) {
  const { fs, e } = fsOf(emulator);
  const file = sharedFileName(name);
  const found = fs.SearchPath(`/${file}`);
  if (found.id !== -1) fs.Unlink(found.parentid, file);
  await e.create_file(`/${file}`, bytes);
}

/** The regular file `name` of the folder's root, or a SharedFolderError. */
function findFile(fs: Fs9p, name: string): { id: number; inode: Inode } {
  const found = fs.SearchPath(`/${guestFileName(name)}`);
  const inode = found.id === -1 || found.parentid !== 0 ? null : fs.GetInode(found.id);
  if (!inode || (inode.mode & S_IFMT) !== S_IFREG) {
    throw new SharedFolderError(`no file "${name}" in the shared folder`);
  }
  return { id: found.id, inode };
}

/**
 * A file of the folder, by its guest name, as a Blob made of pieces read one at a time: the
 * browser keeps a Blob's bytes outside the page's heap (on disk when large), so a download of
 * any size costs the page a handle, not the file.
 */
export async function readSharedFile(emulator: V86Files, name: string): Promise<Blob> {
  const { fs } = fsOf(emulator);
  const { id, inode } = findFile(fs, name);
  const size = inode.size;
  const pieces: Blob[] = [];
  for (let offset = 0; offset < size; offset += READ_PIECE) {
    const bytes = await fs.Read(id, offset, Math.min(READ_PIECE, size - offset));
    if (!bytes) throw new SharedFolderError(`"${name}" could not be read`);
    pieces.push(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    // The browser takes the pieces over while this worker waits: a few in flight at a time.
    if (pieces.length % 8 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Blob(pieces);
}

/** The regular files of the folder's root, by name. */
export function listSharedFiles(emulator: V86Files): SharedFileInfo[] {
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
  return files;
}

/**
 * Knows when the folder changed: v86's filesystem calls NotifyListeners on every create, write,
 * rename and delete (and ChangeSize on a truncate), so the folder is listed again only then, and
 * the page is sent what changed, not the whole list.
 */
export class SharedFolderWatch {
  #dirty = true;
  #version = 0;
  #files = new Map<string, SharedFileInfo>();
  #last: { from: number; changes: Omit<SharedChanges, 'version' | 'all'> } | null = null;

  constructor(private readonly emulator: V86Files) {
    const fs = emulator.fs9p;
    if (!fs) return;
    fs.NotifyListeners = () => void (this.#dirty = true);
    const changeSize = fs.ChangeSize.bind(fs);
    fs.ChangeSize = (id, size) => {
      this.#dirty = true;
      return changeSize(id, size);
    };
  }

  /** The folder changed behind v86's back (a state was restored): list it again. */
  invalidate(): void {
    this.#dirty = true;
  }

  /** What changed since the page's `version`: the difference, or everything when it is behind. */
  changesSince(version: number): SharedChanges {
    if (this.#dirty) {
      this.#dirty = false;
      const next = new Map(listSharedFiles(this.emulator).map((f) => [f.name, f]));
      const diff = diffListing(this.#files, next);
      if (diff.changed.length > 0 || diff.removed.length > 0) {
        this.#last = { from: this.#version, changes: diff };
        this.#version++;
      }
      this.#files = next;
    }
    if (version === this.#version) return { version, all: false, changed: [], removed: [] };
    if (this.#last && version === this.#last.from)
      return { version: this.#version, all: false, ...this.#last.changes };
    return { version: this.#version, all: true, changed: [...this.#files.values()], removed: [] };
  }
}
