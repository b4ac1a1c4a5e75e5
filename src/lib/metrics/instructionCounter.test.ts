import { describe, expect, it } from 'vitest';
import { InstructionTotal } from './instructionCounter';

describe('InstructionTotal', () => {
  it('counts from the first reading', () => {
    const c = new InstructionTotal();
    expect(c.update(1000)).toBe(0);
    expect(c.update(1500)).toBe(500);
  });

  it('carries across the 32-bit wrap', () => {
    const c = new InstructionTotal();
    c.update(2 ** 32 - 100);
    expect(c.update(50)).toBe(150);
    expect(c.update(2 ** 32 - 1)).toBe(150 + 2 ** 32 - 51);
  });

  it('treats negative (signed) readings as unsigned', () => {
    const c = new InstructionTotal();
    c.update(-10); // 0xfffffff6
    expect(c.update(5)).toBe(15);
  });

  it('does not move when the counter stands still', () => {
    const c = new InstructionTotal();
    c.update(42);
    expect(c.update(42)).toBe(0);
  });
});
