import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { machineCost } from './capacity';
import { testLab } from './testLab.testing';

const MiB = 2 ** 20;
/** Lets queued promise callbacks and microtasks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.unstubAllGlobals());

describe('Lab', () => {
  it('opens with the machines its address asks for, named pc1, pc2, each with its own emulator', async () => {
    const { lab, emulators } = testLab({ machines: 2 });
    lab.start();
    await settle();
    expect(lab.machines.map((m) => m.name)).toEqual(['pc1', 'pc2']);
    expect(lab.selected?.name).toBe('pc1');
    expect(emulators.made).toHaveLength(2);
    // Both resume the pre-booted state (downloaded by their workers: nothing was kept yet).
    for (const fake of emulators.made) expect(fake.config?.fetchedState).toBeDefined();
    expect(lab.settled).toBe(false);

    for (const fake of emulators.made) fake.resume();
    await settle();
    const [pc1, pc2] = lab.machines;
    expect(pc1!.status).toBe('running');
    expect(pc2!.status).toBe('running');
    expect(lab.settled).toBe(true);
    // pc1 is the name the state was saved with; pc2 is renamed, and its shell's prompt with it.
    expect(emulators.made[0]!.serial[1]).not.toContain('hostname');
    expect(emulators.made[1]!.serial[1]).toContain('hostname pc2\n');
    expect(new TextDecoder().decode(pc2!.console.recentOutput())).toMatch(/root@pc2:~# $/);
    lab.destroy();
  });

  it('says what in its address it did not understand, and which guest it does not have', async () => {
    const { lab, emulators } = testLab({
      profile: 'user-0123456789abcdef',
      problems: [{ name: 'kiosk', value: 'nope' }],
    });
    lab.start();
    expect(lab.notice).toMatchObject({ key: 'lab.error.params', params: { params: 'kiosk=nope' } });
    await vi.waitFor(() => expect(emulators.made).toHaveLength(1));
    expect(lab.notice).toMatchObject({
      key: 'lab.error.noSuchGuest',
      params: { id: 'user-0123456789abcdef' },
    });
    // The default guest runs instead.
    emulators.made[0]!.resume();
    await vi.waitFor(() => expect(lab.machines[0]!.profile?.id).toBe('tiny'));
    lab.destroy();
  });

  it('starts an added machine from the state the first one downloaded, and selects it', async () => {
    const { lab, emulators } = testLab();
    lab.start();
    await settle();
    const first = emulators.made[0]!;
    first.emit('stateFetched', { served: new Uint8Array([31, 139]).buffer, gzipped: true });
    first.resume();
    await settle();

    const pc2 = await lab.add();
    await settle();
    expect(pc2?.name).toBe('pc2');
    expect(lab.selected).toBe(pc2);
    const second = emulators.made[1]!;
    expect(second.config?.state?.byteLength).toBe(2); // a copy of the kept state, no download
    expect(second.config?.stateGzipped).toBe(true);
    expect(second.fetched).toBeNull();
    lab.destroy();
  });

  it('adds a machine with the guest asked for (a user image booted in a new machine)', async () => {
    const { lab } = testLab();
    lab.start();
    await settle();
    const pc2 = await lab.add('tiny-screen');
    await settle();
    expect(pc2?.profile?.id).toBe('tiny-screen');
    expect(lab.machines[0]?.profile?.id).toBe('tiny');
    expect(lab.selected).toBe(pc2);
    lab.destroy();
  });

  it('refuses a machine that would not fit, says why, and adds nothing', async () => {
    const ram = 32 * MiB; // the shipped guest's (images/profiles.json)
    const { lab } = testLab({}, { budgetBytes: 2 * machineCost(ram) });
    lab.start();
    expect(await lab.add()).not.toBeNull();
    expect(await lab.add()).toBeNull();
    expect(lab.machines).toHaveLength(2);
    expect(lab.notice).toMatchObject({
      tone: 'error',
      key: 'lab.error.noMemory',
      params: { needed: 62, free: 0 },
    });
    flushSync();
    expect(lab.ramBytes).toBe(2 * ram);
    expect(lab.usedBytes).toBe(2 * machineCost(ram));
    lab.destroy();
  });

  it('removes a machine: its emulator ends and another is selected; the last one stays', async () => {
    const { lab, emulators } = testLab({ machines: 2 });
    lab.start();
    await settle();
    const [pc1, pc2] = lab.machines;
    lab.select(pc2!);
    lab.remove(pc2!);
    expect(emulators.made[1]!.destroyed).toBe(true);
    expect(emulators.made[0]!.destroyed).toBe(false);
    expect(lab.machines).toEqual([pc1]);
    expect(lab.selected).toBe(pc1);
    expect(lab.notice).toMatchObject({ key: 'lab.removed', params: { name: 'pc2' } });
    lab.remove(pc1!);
    expect(lab.machines).toEqual([pc1]);
    lab.destroy();
    expect(emulators.made[0]!.destroyed).toBe(true);
  });

  it('renames a machine inside the guest too; a taken or unusable name is refused', async () => {
    const { lab, emulators } = testLab({ machines: 2 });
    lab.start();
    await settle();
    const [pc1, pc2] = lab.machines;
    expect(lab.rename(pc2!, 'PC1')).toBe(false);
    expect(lab.notice).toMatchObject({ key: 'lab.error.nameTaken', params: { name: 'pc1' } });
    expect(lab.rename(pc2!, '!!!')).toBe(false);
    expect(lab.notice).toMatchObject({ key: 'lab.error.badName' });
    expect(lab.rename(pc2!, 'Web Server')).toBe(true);
    expect(pc2!.name).toBe('web-server');
    expect(emulators.made[1]!.serial[1]).toContain('hostname web-server\n');
    expect(pc1!.name).toBe('pc1');
    lab.destroy();
  });
});

describe('Lab: the next machine made ready ahead', () => {
  it('readies a stopped machine once the lab is quiet, and the next one added adopts it', async () => {
    const { lab, emulators } = testLab();
    lab.start();
    await settle();
    const first = emulators.made[0]!;
    first.emit('stateFetched', { served: new Uint8Array([31, 139]).buffer, gzipped: true });
    first.resume();
    // About a second after the first prompt: a spare, given the kept state, parked.
    await vi.waitFor(() => expect(emulators.made).toHaveLength(2), { timeout: 3000 });
    const spare = emulators.made[1]!;
    expect(spare.config).toMatchObject({ parked: true, stateGzipped: true });
    spare.emit('parked', null);

    const pc2 = await lab.add();
    await settle();
    // The worker pc2 started for itself is dropped; the spare runs instead, already restored.
    const started = emulators.made[2]!;
    expect(started.destroyed).toBe(true);
    expect(started.config).toBeNull();
    expect(spare.run).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(pc2?.status).toBe('running'));
    expect(spare.serial[1]).toContain('hostname pc2\n');
    lab.destroy();
    expect(spare.destroyed).toBe(true);
  });
});
