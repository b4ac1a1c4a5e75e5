import { describe, expect, it } from 'vitest';
import { refusalOf, targetRefusal, unmovable, type Receiver } from './offers';
import type { HostInfo, Offer } from './hostMessages';

const host = (over: Partial<HostInfo> = {}): HostInfo => ({
  id: 'host-aaaa-1',
  name: 'host A',
  version: 'aula86 1 / v86 0.5.462',
  closed: false,
  ...over,
});

const offer: Offer = {
  kind: 'offer',
  id: 'migration-1',
  from: 'host-bbbb-2',
  to: 'host-aaaa-1',
  version: 'aula86 1 / v86 0.5.462',
  live: true,
  channel: 'aula86-migration:migration-1',
  machine: {
    name: 'pc1',
    profileId: 'default',
    memoryBytes: 32 << 20,
    mac: '02:00:00:00:00:01',
    lan: 'LAN-A',
    address: '10.0.1.11/24',
  },
};

const receiver = (over: Partial<Receiver> = {}): Receiver => ({
  self: host(),
  busy: false,
  guest: null,
  ...over,
});

describe('refusalOf', () => {
  it('takes an offer of the same version that it can run', () => {
    expect(refusalOf(offer, receiver())).toBeNull();
  });

  it('refuses, in order: a closed (kiosk) host, another version, a migration under way, the guest', () => {
    expect(refusalOf(offer, receiver({ self: host({ closed: true }), busy: true }))).toBe('closed');
    expect(refusalOf({ ...offer, version: 'aula86 0 / v86 0.5.400' }, receiver())).toBe('version');
    expect(refusalOf(offer, receiver({ busy: true }))).toBe('busy');
    expect(refusalOf(offer, receiver({ guest: 'memory' }))).toBe('memory');
    expect(refusalOf(offer, receiver({ guest: 'profile' }))).toBe('profile');
  });
});

describe('targetRefusal', () => {
  it('refuses a target that is gone, closed or of another version, before offering', () => {
    expect(targetRefusal(host(), host({ id: 'host-bbbb-2' }))).toBeNull();
    expect(targetRefusal(host(), null)).toBe('failed');
    expect(targetRefusal(host(), host({ closed: true }))).toBe('closed');
    expect(targetRefusal(host({ closed: true }), host())).toBe('closed');
    expect(targetRefusal(host(), host({ version: 'other' }))).toBe('version');
  });

  it('moves only a running machine of a built-in guest', () => {
    const builtin = { user: undefined };
    expect(unmovable({ status: 'running', profile: builtin })).toBeNull();
    expect(unmovable({ status: 'paused', profile: builtin })).toBe('notRunning');
    expect(unmovable({ status: 'running', profile: null })).toBe('notRunning');
    expect(unmovable({ status: 'running', profile: { user: { sha256: 'ab' } } })).toBe('ownImage');
  });
});
