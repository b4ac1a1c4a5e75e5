import { afterEach, describe, expect, it, vi } from 'vitest';
import { Hosts } from './Hosts.svelte';
import { HEARTBEAT_MS, HOST_TTL_MS } from './hostMessages';

/** This file's own channel: labs of other test files, in other threads, use theirs. */
const CHANNEL = `aula86-hosts-${crypto.randomUUID()}`;

const made: Hosts[] = [];
afterEach(() => {
  for (const h of made.splice(0)) h.dispose();
  vi.useRealTimers();
});

function host(name: string, now = () => Date.now()) {
  const hosts = new Hosts({ version: 'v1', defaultName: () => name, now, channel: CHANNEL });
  made.push(hosts);
  return hosts;
}

describe('Hosts', () => {
  it('each sees the others by name, hears a new name at once, and forgets one that says bye', async () => {
    const a = host('host A');
    const b = host('host B');
    a.start(() => false);
    b.start(() => false);
    await vi.waitFor(() => expect(a.others.map((h) => h.name)).toEqual(['host B']));
    await vi.waitFor(() => expect(b.others.map((h) => h.name)).toEqual(['host A']));
    expect(a.rename('  front desk  ')).toBe(true);
    expect(a.rename('   ')).toBe(false);
    await vi.waitFor(() => expect(b.others.map((h) => h.name)).toEqual(['front desk']));
    a.dispose();
    await vi.waitFor(() => expect(b.others).toEqual([]));
  });

  it('forgets a host that went silent, and says when it is closed to migrations', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = 0;
    const a = host('host A', () => now);
    let closed = false;
    a.start(() => closed);
    const other = new BroadcastChannel(CHANNEL);
    const heard: unknown[] = [];
    other.onmessage = (e: MessageEvent) => heard.push(e.data);
    const silent = { id: 'silent-host-01', name: 'silent', version: 'v1', closed: false };
    other.postMessage({ kind: 'here', host: silent });
    await vi.waitFor(() => expect(a.others).toHaveLength(1));
    closed = true; // a kiosk locked meanwhile
    now += HOST_TTL_MS + 1;
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(a.others).toEqual([]);
    const closedSaid = () =>
      heard.some((m) => (m as { host?: { closed?: boolean } }).host?.closed === true);
    await vi.waitFor(() => expect(closedSaid()).toBe(true));
    other.close();
  });

  it('hands on only the messages addressed to it, and ignores what is not a host message', async () => {
    const a = host('host A');
    a.start(() => false);
    const got: unknown[] = [];
    a.events.on('message', (m) => got.push(m));
    const other = new BroadcastChannel(CHANNEL);
    const between = { id: 'migration-0001', from: 'other-host-01' };
    other.postMessage({ kind: 'accept', ...between, to: 'someone-else-1' });
    other.postMessage({ kind: 'accept', ...between, to: a.self.id, extra: 'field' });
    other.postMessage('junk');
    other.postMessage({ kind: 'accept', ...between, to: a.self.id });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(got[0]).toEqual({ kind: 'accept', ...between, to: a.self.id });
    other.close();
  });
});
