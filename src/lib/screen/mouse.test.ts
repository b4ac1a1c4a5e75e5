import { describe, expect, it } from 'vitest';
import { mouseButtons } from './mouse';

describe('mouse buttons', () => {
  it('orders the browser bit mask as the PS/2 mouse does: left, middle, right', () => {
    expect(mouseButtons(0)).toEqual([false, false, false]);
    expect(mouseButtons(1)).toEqual([true, false, false]);
    expect(mouseButtons(2)).toEqual([false, false, true]);
    expect(mouseButtons(4)).toEqual([false, true, false]);
    expect(mouseButtons(7)).toEqual([true, true, true]);
  });
});
