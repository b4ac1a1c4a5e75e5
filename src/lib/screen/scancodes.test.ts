import { describe, expect, it } from 'vitest';
import { CTRL_ALT_DEL, releaseAll, scancodes } from './scancodes';

describe('PC scancodes (set 1)', () => {
  it('sends a make code on press and the same with bit 7 on release', () => {
    expect(scancodes('KeyA', true)).toEqual([0x1e]);
    expect(scancodes('KeyA', false)).toEqual([0x9e]);
    expect(scancodes('Enter', true)).toEqual([0x1c]);
  });

  it('prefixes extended keys with 0xE0', () => {
    expect(scancodes('ArrowUp', true)).toEqual([0xe0, 0x48]);
    expect(scancodes('ArrowUp', false)).toEqual([0xe0, 0xc8]);
    expect(scancodes('ControlRight', false)).toEqual([0xe0, 0x9d]);
  });

  it('sends nothing for a key a PC keyboard has not', () => {
    expect(scancodes('MediaPlayPause', true)).toEqual([]);
    expect(scancodes('toString', true)).toEqual([]);
  });

  it('presses Ctrl, Alt and Delete, then lets them go in reverse', () => {
    expect(CTRL_ALT_DEL).toEqual([0x1d, 0x38, 0xe0, 0x53, 0xe0, 0xd3, 0xb8, 0x9d]);
  });

  it('releases every held key', () => {
    expect(releaseAll(['ShiftLeft', 'KeyB'])).toEqual([0xaa, 0xb0]);
  });
});
