import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_HOSTS_CHANNEL, testLab } from '../lab/testLab.testing';
import type { MigrationReport } from '../../common/migration/precopy';
import type { HostMessage } from './hostMessages';

const opened: Array<{ destroy(): void } | { close(): void }> = [];
afterEach(() => {
  for (const o of opened.splice(0)) {
    if ('destroy' in o) o.destroy();
    else o.close();
  }
  vi.unstubAllGlobals();
});

const REPORT: MigrationReport = {
  rounds: [{ pages: 2500, bytes: 10_240_000, ms: 60 }],
  stopReason: 'small-enough',
  final: { pages: 4, bytes: 16_384, stateBytes: 200_000 },
  downtimeMs: 21,
  totalMs: 180,
  bytesSent: 10_456_384,
  memoryBytes: 32 << 20,
};

/** A lab whose first machine is up, joined to the other hosts. */
async function runningLab() {
  const { lab, emulators } = testLab();
  opened.push(lab);
  lab.start();
  await vi.waitFor(() => expect(emulators.made[0]?.config).toBeTruthy());
  emulators.made[0]!.resume();
  await vi.waitFor(() => expect(lab.machines[0]?.status).toBe('running'));
  return { lab, emulators };
}

/** Another page on the hosts' channel, a host of `version`: what it hears. */
function otherHost(version = 'old') {
  const channel = new BroadcastChannel(TEST_HOSTS_CHANNEL);
  opened.push(channel);
  const heard: HostMessage[] = [];
  channel.onmessage = (e: MessageEvent<HostMessage>) => heard.push(e.data);
  const host = { id: 'other-host-0001', name: 'old lab', version, closed: false };
  channel.postMessage({ kind: 'hello', host });
  return { channel, heard, host };
}

describe('Migrations between two labs (hosts)', () => {
  it('moves a running machine: the target runs it under a free name with its MAC, terminal and held typing; the source lets it go', async () => {
    const a = await runningLab();
    const b = await runningLab();
    await vi.waitFor(() => expect(a.lab.migrations.hosts.others).toHaveLength(1));
    const target = a.lab.migrations.hosts.others[0]!;
    const pc1 = a.lab.machines[0]!;
    const mac = pc1.nic.mac;
    const source = a.emulators.made[0]!;
    source.print('kept-across-hosts\r\n');
    source.migrateOut.mockImplementation(async () => {
      // While it moves, the student types: held, and delivered on the target.
      pc1.console.sendInput('typed meanwhile');
      await vi.waitFor(() => expect(b.emulators.made.at(-1)!.migrateIn).toHaveBeenCalled());
      return REPORT;
    });
    // The target starts a machine of the same guest for it, and receives the guest into it.
    const moved = a.lab.migrations.send(pc1, target.id, true);
    await vi.waitFor(() => expect(b.emulators.made[1]?.config).toBeTruthy());
    const arriving = b.emulators.made[1]!;
    arriving.migrateIn.mockResolvedValue(Date.now());
    arriving.resume();

    expect(await moved).toBe(true);
    expect(a.lab.machines).toEqual([]);
    expect(source.destroyed).toBe(true);
    expect(a.lab.migrations.notice).toMatchObject({ key: 'migrate.sent' });
    await vi.waitFor(() => expect(b.lab.migrations.history.records).toHaveLength(1));
    const came = b.lab.machines[1]!;
    expect(came.name).toBe('pc2'); // pc1 is taken on host B
    expect(came.nic.mac).toBe(mac);
    const [asked] = arriving.migrateIn.mock.calls[0]!;
    expect(asked.channel).toMatch(/^aula86-migration:/);
    expect(source.migrateOut.mock.calls[0]![0]).toEqual({ channel: asked.channel, live: true });
    expect(new TextDecoder().decode(came.console.recentOutput())).toContain('kept-across-hosts');
    await vi.waitFor(() => expect(arriving.serial[0]).toContain('typed meanwhile'));
    expect(a.lab.migrations.history.records[0]).toMatchObject({ machine: 'pc1', live: true });
    expect(b.lab.migrations.history.records[0]!.report).toEqual(REPORT);
  });

  it('refuses an offer it cannot take before anything is sent: another version, a guest it lacks', async () => {
    const b = await runningLab();
    const other = otherHost();
    await vi.waitFor(() => expect(other.heard.some((m) => m.kind === 'here')).toBe(true));
    const self = b.lab.migrations.hosts.self;
    const offer = {
      kind: 'offer',
      from: other.host.id,
      to: self.id,
      live: true,
      machine: {
        name: 'pc1',
        profileId: 'tiny',
        memoryBytes: 32 << 20,
        mac: '02:00:00:00:00:01',
        lan: 'LAN-A',
        address: null,
      },
    };
    other.channel.postMessage({
      ...offer,
      id: 'offer-version-1',
      channel: 'aula86-migration:offer-version-1',
      version: 'aula86 0.0.1 / v86 0.0.1',
    });
    other.channel.postMessage({
      ...offer,
      id: 'offer-profile-1',
      channel: 'aula86-migration:offer-profile-1',
      version: self.version,
      machine: { ...offer.machine, profileId: 'no-such-guest' },
    });
    await vi.waitFor(() =>
      expect(other.heard.filter((m) => m.kind === 'refuse')).toEqual([
        expect.objectContaining({ id: 'offer-version-1', reason: 'version' }),
        expect.objectContaining({ id: 'offer-profile-1', reason: 'profile' }),
      ]),
    );
    expect(b.lab.machines).toHaveLength(1);
  });

  it('a migration that fails on the way leaves the machine running on its host, and the target drops its partial one', async () => {
    const a = await runningLab();
    const b = await runningLab();
    await vi.waitFor(() => expect(a.lab.migrations.hosts.others).toHaveLength(1));
    const pc1 = a.lab.machines[0]!;
    a.emulators.made[0]!.migrateOut.mockRejectedValue(
      new Error('the target said nothing for 10000 ms'),
    );
    const moved = a.lab.migrations.send(pc1, a.lab.migrations.hosts.others[0]!.id, true);
    await vi.waitFor(() => expect(b.emulators.made[1]?.config).toBeTruthy());
    const arriving = b.emulators.made[1]!;
    arriving.migrateIn.mockRejectedValue(new Error('the source said nothing for 10000 ms'));
    arriving.resume();

    expect(await moved).toBe(false);
    expect(a.lab.machines).toEqual([pc1]);
    expect(pc1.status).toBe('running');
    expect(a.lab.migrations.notice).toMatchObject({ key: 'migrate.error.failed' });
    await vi.waitFor(() => expect(b.lab.machines).toHaveLength(1));
    expect(arriving.destroyed).toBe(true);
    expect(b.lab.migrations.notice).toMatchObject({ key: 'migrate.error.failed' });
  });

  it('refuses to move a machine that is not running, or to a host of another version', async () => {
    const a = await runningLab();
    const other = otherHost();
    const host = other.host;
    await vi.waitFor(() => expect(a.lab.migrations.hosts.others).toHaveLength(1));
    const pc1 = a.lab.machines[0]!;
    expect(await a.lab.migrations.send(pc1, host.id, true)).toBe(false);
    expect(a.lab.migrations.notice).toMatchObject({ key: 'migrate.refused.version' });
    expect(other.heard.filter((m) => m.kind === 'offer')).toEqual([]);
    await pc1.pause();
    other.channel.postMessage({
      kind: 'here',
      host: { ...host, version: a.lab.migrations.hosts.self.version },
    });
    await vi.waitFor(() => expect(a.lab.migrations.hosts.others[0]!.version).not.toBe('old'));
    expect(await a.lab.migrations.send(pc1, host.id, true)).toBe(false);
    expect(a.lab.migrations.notice).toMatchObject({ key: 'migrate.error.notRunning' });
  });

  it('gives up at once when the host it asked closes before answering', async () => {
    const a = await runningLab();
    const other = otherHost(a.lab.migrations.hosts.self.version);
    await vi.waitFor(() => expect(a.lab.migrations.hosts.others).toHaveLength(1));
    const pc1 = a.lab.machines[0]!;
    const moved = a.lab.migrations.send(pc1, other.host.id, true);
    await vi.waitFor(() => expect(other.heard.some((m) => m.kind === 'offer')).toBe(true));
    other.channel.postMessage({ kind: 'bye', id: other.host.id });
    expect(await moved).toBe(false);
    expect(a.lab.migrations.notice).toMatchObject({ key: 'migrate.refused.failed' });
    expect(a.lab.machines).toEqual([pc1]);
    expect(a.emulators.made[0]!.migrateOut).not.toHaveBeenCalled();
  });

  it('hears only the host it asked: an accept from another host is not taken', async () => {
    const a = await runningLab();
    const asked = otherHost(a.lab.migrations.hosts.self.version);
    await vi.waitFor(() => expect(a.lab.migrations.hosts.others).toHaveLength(1));
    const pc1 = a.lab.machines[0]!;
    const moved = a.lab.migrations.send(pc1, asked.host.id, true);
    await vi.waitFor(() => expect(asked.heard.some((m) => m.kind === 'offer')).toBe(true));
    const offer = asked.heard.find((m) => m.kind === 'offer')!;
    // A third tab says it accepts; then the host asked refuses.
    asked.channel.postMessage({
      kind: 'accept',
      id: offer.id,
      from: 'third-host-01',
      to: offer.from,
    });
    asked.channel.postMessage({
      kind: 'refuse',
      id: offer.id,
      from: asked.host.id,
      to: offer.from,
      reason: 'busy',
    });
    expect(await moved).toBe(false);
    expect(a.lab.migrations.notice).toMatchObject({ key: 'migrate.refused.busy' });
    expect(a.emulators.made[0]!.migrateOut).not.toHaveBeenCalled();
  });
});
