import { describe, expect, it } from 'vitest';
import { TickBatch } from './tickBatch';

const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('TickBatch', () => {
  it('sends what one task pushed as one batch, after the task', async () => {
    const sent: number[][] = [];
    const batch = new TickBatch<number>((items) => sent.push(items));
    batch.push(1);
    batch.push(2);
    expect(sent).toEqual([]);
    await settle();
    batch.push(3);
    await settle();
    expect(sent).toEqual([[1, 2], [3]]);
  });

  it('flushes at once and sends nothing twice; a cleared batch sends nothing', async () => {
    const sent: number[][] = [];
    const batch = new TickBatch<number>((items) => sent.push(items));
    batch.push(1);
    batch.flush();
    batch.push(2);
    batch.clear();
    await settle();
    expect(sent).toEqual([[1]]);
  });

  it('holds what comes until released, then sends it in a later task', async () => {
    const sent: number[][] = [];
    const batch = new TickBatch<number>((items) => sent.push(items));
    batch.hold();
    batch.push(1);
    batch.flush();
    await settle();
    expect(sent).toEqual([]);
    batch.release();
    batch.push(2);
    await settle();
    expect(sent).toEqual([]); // not before the task that released it has ended
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([[1, 2]]);
    batch.push(3);
    await settle();
    expect(sent).toEqual([[1, 2], [3]]);
  });
});
