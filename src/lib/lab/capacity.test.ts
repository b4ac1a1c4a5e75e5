import { describe, expect, it } from 'vitest';
import type { UserError } from '../notices/notice';
import {
  MAX_MACHINES,
  machineCost,
  memoryBudget,
  nextMachineName,
  refuseMachine,
  assertRoom,
} from './capacity';

const MiB = 1024 * 1024;

describe('memoryBudget', () => {
  it('is a quarter of the device memory, between 1 and 2 GiB', () => {
    expect(memoryBudget(8)).toBe(2048 * MiB);
    expect(memoryBudget(4)).toBe(1024 * MiB);
    expect(memoryBudget(2)).toBe(1024 * MiB);
    expect(memoryBudget(undefined)).toBe(1024 * MiB);
    expect(memoryBudget(64)).toBe(2048 * MiB);
  });
});

describe('refuseMachine', () => {
  it('lets four machines of 128 MB into the smallest budget, and says why a fifth does not fit', () => {
    const budget = memoryBudget(undefined);
    const ram = 128 * MiB;
    expect(refuseMachine([ram, ram, ram], ram, budget)).toBeNull();
    const running = [ram, ram, ram, ram, ram, ram];
    expect(refuseMachine(running, ram, budget)).toEqual({
      reason: 'noMemory',
      needed: machineCost(ram),
      free: budget - 6 * machineCost(ram),
    });
  });

  it('refuses more than the most machines a lab holds', () => {
    const small = Array.from({ length: MAX_MACHINES }, () => 32 * MiB);
    expect(refuseMachine(small, 32 * MiB, 100 * 1024 * MiB)).toEqual({
      reason: 'tooMany',
      max: MAX_MACHINES,
    });
  });
});

describe('nextMachineName', () => {
  it('takes the first free pcN', () => {
    expect(nextMachineName([])).toBe('pc1');
    expect(nextMachineName(['pc1', 'pc2'])).toBe('pc3');
    expect(nextMachineName(['pc2', 'web'])).toBe('pc1');
  });
});

describe('assertRoom', () => {
  it('says how much is needed and free, in MB, or how many machines fit', () => {
    const MiB = 1024 * 1024;
    expect(() => assertRoom([], 128 * MiB, 1024 * MiB)).not.toThrow();
    const noticeOf = (running: number[], memoryBytes: number, budget: number) => {
      try {
        assertRoom(running, memoryBytes, budget);
        return null;
      } catch (error) {
        return (error as UserError).notice;
      }
    };
    expect(noticeOf([900 * MiB], 128 * MiB, 1024 * MiB)).toEqual({
      tone: 'error',
      key: 'lab.error.noMemory',
      params: { needed: 158, free: 94 },
    });
    expect(noticeOf(new Array<number>(8).fill(0), 0, 2 ** 40)?.key).toBe('lab.error.tooMany');
  });
});
