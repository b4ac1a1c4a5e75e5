import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testLab } from '../lab/testLab.testing';
import { UserError } from '../notices/notice';

const iso = readFileSync(new URL('../../../e2e/fixtures/aula86-live.iso', import.meta.url));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.unstubAllGlobals());

/** The served BIOSes a guest of the user's boots with (checked against the manifest). */
const served = Object.fromEntries(
  ['seabios.bin', 'vgabios.bin'].map((name) => [
    name,
    new Uint8Array(readFileSync(new URL(`../../../public/images/${name}`, import.meta.url))),
  ]),
);

async function runningLab() {
  const { lab, emulators } = testLab({}, { files: served });
  lab.start();
  await settle();
  emulators.made[0]!.resume();
  await vi.waitFor(() => expect(lab.machines[0]!.status).toBe('running'));
  await lab.shelf.load();
  return { lab, emulators, machine: lab.machines[0]! };
}

describe('the guests a machine can run', () => {
  it('lists the built-in guests, the screen guest among them', async () => {
    const { lab } = await runningLab();
    expect(lab.shelf.profiles.map((p) => p.id)).toEqual(['tiny', 'tiny-ne2k', 'tiny-screen']);
    expect(lab.shelf.persistent).toBe(false); // no IndexedDB here: kept in memory
    lab.destroy();
  });

  it('adds an ISO as a guest the machine then boots from its disk, with a screen', async () => {
    const { lab, emulators, machine } = await runningLab();
    const profile = await lab.shelf.add(
      new File([new Uint8Array(iso)], 'curso.iso'),
      { device: 'cdrom', memoryMb: 128, cmdline: '', initrd: null },
      () => undefined,
    );
    expect(lab.shelf.images.map((i) => i.name)).toEqual(['curso.iso']);
    expect(lab.shelf.profiles.at(-1)).toBe(profile);
    expect(profile).toMatchObject({
      display: 'screen',
      nic: 'ne2k',
      readyText: null,
      bootState: null,
    });

    // The change drives the machine until the new guest is up (its first output, below).
    const changed = machine.changeProfile(profile);
    await vi.waitFor(() =>
      expect(emulators.made.at(-1)!.config?.boot?.media?.device).toBe('cdrom'),
    );
    const boot = emulators.made.at(-1)!.config!.boot!;
    expect(boot.media!.blob.size).toBe(iso.length);
    expect(boot.kernel).toBeNull();
    expect(boot.vgaBios).not.toBeNull();
    // Up at its first output: no hostname or network lines are sent to a foreign guest.
    emulators.made.at(-1)!.print('SeaBIOS');
    await changed;
    expect(machine.status).toBe('running');
    expect(emulators.made.at(-1)!.serial[1]).toBe('');
    lab.destroy();
  });

  it('refuses to remove an image a machine runs, and removes it once none does', async () => {
    const { lab, emulators, machine } = await runningLab();
    const profile = await lab.shelf.add(
      new File([new Uint8Array(iso)], 'curso.iso'),
      { device: 'cdrom', memoryMb: 128, cmdline: '', initrd: null },
      () => undefined,
    );
    const changed = machine.changeProfile(profile);
    await vi.waitFor(() => expect(emulators.made.at(-1)!.config?.boot).toBeTruthy());
    emulators.made.at(-1)!.print('SeaBIOS');
    await changed;
    const image = lab.shelf.images[0]!;
    const refusal = await lab.shelf.remove(image).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(UserError);
    expect((refusal as UserError).key).toBe('media.error.inUse');

    const chosen = lab.shelf.choose(machine, 'tiny');
    await vi.waitFor(() => {
      // The pre-booted state resumes (in whichever worker took it).
      for (const fake of emulators.made)
        if (fake.config && !fake.resumed && !fake.destroyed) fake.resume();
      expect(machine.state.startedFrom).toBe('bootState');
      expect(machine.status).toBe('running');
    });
    await chosen;
    await lab.shelf.remove(image);
    expect(lab.shelf.images).toEqual([]);
    expect(lab.shelf.profiles.map((p) => p.id)).toEqual(['tiny', 'tiny-ne2k', 'tiny-screen']);
    lab.destroy();
  });
});
