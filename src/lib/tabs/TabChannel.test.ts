import { afterEach, describe, expect, it, vi } from 'vitest';
import { FloodMeter } from '../../common/limits/floodMeter';
import { NoticeInbox, NOTICE_FLOOD, NOTICES_PER_SECOND } from './noticeInbox';
import { TabChannel } from '../../common/tabs/TabChannel';

const undo: Array<() => void> = [];
afterEach(() => {
  for (const u of undo.splice(0)) u();
  vi.useRealTimers();
});

describe('FloodMeter', () => {
  it('calls it a flood once the refusals within a second reach the threshold, once each', () => {
    let now = 0;
    const meter = new FloodMeter(3, () => now);
    meter.refused();
    meter.refused();
    expect(meter.flooding()).toBe(false);
    meter.refused();
    expect(meter.flooding()).toBe(true);
    expect(meter.flooding()).toBe(false);
    now += 1000;
    meter.refused();
    meter.refused();
    now += 1000; // a new second: the count starts again
    meter.refused();
    expect(meter.flooding()).toBe(false);
    expect(meter.floods).toBe(1);
  });
});

describe('NoticeInbox', () => {
  it('takes its word only, a few times a second', () => {
    let now = 0;
    const inbox = new NoticeInbox('changed', () => now);
    for (const junk of [null, 'other', { changed: true }, 42])
      expect(inbox.accept(junk)).toBeNull();
    let taken = 0;
    for (let i = 0; i < 100; i++) if (inbox.accept('changed')) taken++;
    expect(taken).toBe(NOTICES_PER_SECOND);
    now += 1000;
    expect(inbox.accept('changed')).toBe('changed');
  });
  it('calls a burst of refusals a flood', () => {
    const inbox = new NoticeInbox('changed', () => 0);
    for (let i = 0; i < NOTICE_FLOOD; i++) inbox.accept(null);
    expect(inbox.flooding()).toBe(true);
  });
});

describe('TabChannel', () => {
  it('hands on what passes, and rests from a flood: nothing is heard until it listens again', async () => {
    const heard: string[] = [];
    const tab = new TabChannel(
      'aula86-test',
      new NoticeInbox('changed'),
      (w) => heard.push(w),
      200,
    );
    const other = new BroadcastChannel('aula86-test');
    undo.push(
      () => tab.close(),
      () => other.close(),
    );
    other.postMessage('changed');
    await vi.waitFor(() => expect(heard).toEqual(['changed']));
    for (let i = 0; i < NOTICE_FLOOD + 50; i++) other.postMessage('junk');
    await new Promise((resolve) => setTimeout(resolve, 50));
    other.postMessage('changed'); // while it rests: not heard
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual(['changed']);
    await new Promise((resolve) => setTimeout(resolve, 250)); // listening again
    other.postMessage('changed');
    await vi.waitFor(() => expect(heard).toEqual(['changed', 'changed']));
  });
});
