import { describe, expect, it } from 'vitest';
import { MAX_MACHINES } from './capacity';
import { parseLabParams } from './params';

describe('parseLabParams', () => {
  it('opens one running machine by default', () => {
    expect(parseLabParams('')).toEqual({
      machines: 1,
      autostart: true,
      cold: false,
      kiosk: false,
      profile: null,
    });
  });

  it('reads machines, autostart, boot and kiosk', () => {
    expect(parseLabParams('?machines=2&autostart=0&boot=cold&kiosk&profile=tiny-screen')).toEqual({
      machines: 2,
      autostart: false,
      cold: true,
      kiosk: true,
      profile: 'tiny-screen',
    });
  });

  it('ignores a profile that is not a plain id', () => {
    expect(parseLabParams('?profile=../x').profile).toBeNull();
    expect(parseLabParams('?profile=').profile).toBeNull();
    expect(parseLabParams(`?profile=${'a'.repeat(65)}`).profile).toBeNull();
  });

  it('keeps the number of machines within what a lab holds', () => {
    expect(parseLabParams('?machines=0').machines).toBe(1);
    expect(parseLabParams('?machines=99').machines).toBe(MAX_MACHINES);
    expect(parseLabParams('?machines=two').machines).toBe(1);
    expect(parseLabParams('?machines=1.5').machines).toBe(1);
  });
});
