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
});
