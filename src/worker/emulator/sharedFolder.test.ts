import { describe, expect, it } from 'vitest';
import {
  guestFileName,
  readSharedFile,
  sharedFileName,
  SharedFolderError,
  SharedFolderWatch,
} from './sharedFolder';
import { applyListing, diffListing } from '../../common/sharedFolder/listing';

describe('shared folder file names', () => {
  it('keeps a plain name', () => {
    expect(sharedFileName('notas.txt')).toBe('notas.txt');
  });
  it('turns folders into part of the name, so nothing lands outside the root', () => {
    expect(sharedFileName('../etc/passwd')).toBe('.._etc_passwd');
    expect(sharedFileName('a\\b')).toBe('a_b');
  });
  it('refuses empty, dot and overlong names', () => {
    for (const bad of ['', ' ', '.', '..', 'x'.repeat(256)]) {
      expect(() => sharedFileName(bad)).toThrow(SharedFolderError);
    }
  });
  it('names a guest file exactly as the guest did, backslashes and spaces included', () => {
    for (const name of ['a\\b', 'tr ', ' x', 'ñ.txt']) expect(guestFileName(name)).toBe(name);
  });
  it('refuses a guest name that could stand for another file', () => {
    for (const bad of ['', '.', '..', 'a/b', 'a\0b', 'é'.repeat(128)]) {
      expect(() => guestFileName(bad)).toThrow(SharedFolderError);
    }
  });
});

/** A root-only stand-in for v86's 9p filesystem, with v86's notify hook. */
class FakeFs {
  files = new Map<string, { id: number; data: Uint8Array; mtime: number }>();
  dirs = new Set<string>();
  next = 1;
  NotifyListeners(_id: number, _kind: string): void {}
  ChangeSize(_id: number, _size: number): Promise<void> {
    return Promise.resolve();
  }
  write(name: string, text: string, mtime = 1) {
    const old = this.files.get(name);
    this.files.set(name, {
      id: old?.id ?? this.next++,
      data: new TextEncoder().encode(text),
      mtime,
    });
    this.NotifyListeners(0, 'write');
  }
  remove(name: string) {
    this.files.delete(name);
    this.NotifyListeners(0, 'delete');
  }
  #byId(id: number) {
    return [...this.files.values()].find((f) => f.id === id);
  }
  SearchPath(path: string) {
    const name = path.slice(1);
    if (this.dirs.has(name)) return { id: 999, parentid: 0 };
    return { id: this.files.get(name)?.id ?? -1, parentid: 0 };
  }
  GetInode(id: number) {
    if (id === 999) return { size: 0, mtime: 0, mode: 0o040755 };
    const f = this.#byId(id)!;
    return { size: f.data.length, mtime: f.mtime, mode: 0o100644 };
  }
  read_dir() {
    return [...this.files.keys(), ...this.dirs];
  }
  Read(id: number, offset: number, count: number) {
    return Promise.resolve(this.#byId(id)?.data.subarray(offset, offset + count) ?? null);
  }
  Unlink() {
    return 0;
  }
}

const emulatorWith = (fs: FakeFs) => ({ fs9p: fs, create_file: () => Promise.resolve() });

describe('reading a file the guest wrote', () => {
  it('gives the file of that exact name, not its look-alike', async () => {
    const fs = new FakeFs();
    fs.write('a\\b', 'A');
    fs.write('a_b', 'B');
    fs.write('tr ', 'C');
    fs.write('tr', 'D');
    const e = emulatorWith(fs);
    expect(await (await readSharedFile(e, 'a\\b')).text()).toBe('A');
    expect(await (await readSharedFile(e, 'a_b')).text()).toBe('B');
    expect(await (await readSharedFile(e, 'tr ')).text()).toBe('C');
  });
  it('says a file is not there rather than give another one', async () => {
    const fs = new FakeFs();
    fs.write('a_b', 'B');
    fs.dirs.add('folder');
    const e = emulatorWith(fs);
    await expect(readSharedFile(e, 'a\\b')).rejects.toThrow(SharedFolderError);
    await expect(readSharedFile(e, 'folder')).rejects.toThrow(/no file/);
  });
  it('reads a large file in pieces, whole', async () => {
    const fs = new FakeFs();
    fs.write('big', 'x'.repeat(3 * 1024 * 1024 + 5));
    const blob = await readSharedFile(emulatorWith(fs), 'big');
    expect(blob.size).toBe(3 * 1024 * 1024 + 5);
  });
});

describe('following the folder by its changes', () => {
  it('lists again only when the filesystem said something changed', () => {
    const fs = new FakeFs();
    fs.write('a', '1');
    const watch = new SharedFolderWatch(emulatorWith(fs));
    const first = watch.changesSince(-1);
    expect(first.all).toBe(true);
    expect(first.changed.map((f) => f.name)).toEqual(['a']);
    let listed = 0;
    const readDir = fs.read_dir.bind(fs);
    fs.read_dir = () => (listed++, readDir());
    expect(watch.changesSince(first.version)).toMatchObject({ all: false, changed: [] });
    expect(listed).toBe(0);
    fs.write('b', '2');
    const second = watch.changesSince(first.version);
    expect(listed).toBe(1);
    expect(second).toMatchObject({ all: false, removed: [] });
    expect(second.changed.map((f) => f.name)).toEqual(['b']);
    fs.remove('a');
    const third = watch.changesSince(second.version);
    expect(third).toMatchObject({ all: false, changed: [], removed: ['a'] });
  });
  it('sends the whole list to a page that is more than one change behind', () => {
    const fs = new FakeFs();
    const watch = new SharedFolderWatch(emulatorWith(fs));
    const start = watch.changesSince(-1);
    fs.write('a', '1');
    watch.changesSince(start.version);
    fs.write('b', '1');
    const late = watch.changesSince(start.version);
    expect(late.all).toBe(true);
    expect(late.changed.map((f) => f.name).sort()).toEqual(['a', 'b']);
  });
  it('lists again after a restore, which v86 does not announce', () => {
    const fs = new FakeFs();
    const watch = new SharedFolderWatch(emulatorWith(fs));
    const start = watch.changesSince(-1);
    fs.files.set('restored', { id: 50, data: new Uint8Array(1), mtime: 1 });
    expect(watch.changesSince(start.version).changed).toEqual([]);
    watch.invalidate();
    expect(watch.changesSince(start.version).changed.map((f) => f.name)).toEqual(['restored']);
  });
});

describe('the page list', () => {
  const file = (name: string, size = 1) => ({ name, size, modified: 0 });
  it('applies a change without rebuilding an unchanged list', () => {
    const list = [file('a'), file('b')];
    expect(applyListing(list, { all: false, changed: [], removed: [] })).toBe(list);
    expect(applyListing(list, { all: false, changed: [file('c')], removed: ['a'] })).toEqual([
      file('b'),
      file('c'),
    ]);
    expect(applyListing(list, { all: true, changed: [file('z'), file('y')], removed: [] })).toEqual(
      [file('y'), file('z')],
    );
  });
  it('finds what changed between two listings', () => {
    const before = new Map([
      ['a', file('a')],
      ['b', file('b')],
    ]);
    const after = new Map([
      ['a', file('a', 2)],
      ['c', file('c')],
    ]);
    expect(diffListing(before, after)).toEqual({
      changed: [file('a', 2), file('c')],
      removed: ['b'],
    });
  });
});
