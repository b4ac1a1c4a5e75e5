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
      tool: null,
      problems: [],
    });
  });

  it('reads machines, autostart, boot, kiosk, profile, lang and tool', () => {
    expect(
      parseLabParams(
        '?machines=2&autostart=0&boot=cold&kiosk&profile=tiny-screen&lang=es&tool=network',
      ),
    ).toEqual({
      machines: 2,
      autostart: false,
      cold: true,
      kiosk: true,
      profile: 'tiny-screen',
      tool: 'network',
      problems: [],
    });
  });

  it('turns kiosk mode off only when asked to in words it understands', () => {
    expect(parseLabParams('?kiosk=0').kiosk).toBe(false);
    expect(parseLabParams('?kiosk=false').kiosk).toBe(false);
    expect(parseLabParams('?kiosk=1').kiosk).toBe(true);
    // Not understood: a kiosk all the same (it fails closed), and said so.
    expect(parseLabParams('?kiosk=nope')).toMatchObject({
      kiosk: true,
      problems: [{ name: 'kiosk', value: 'nope' }],
    });
  });

  it('names a tool it does not know, and opens none', () => {
    expect(parseLabParams('?tool=terminal')).toMatchObject({
      tool: null,
      problems: [{ name: 'tool', value: 'terminal' }],
    });
  });

  it('names a profile that is not a plain id, and uses the default', () => {
    for (const bad of ['../x', '', 'a'.repeat(65), 'UPPER']) {
      const params = parseLabParams(`?profile=${encodeURIComponent(bad)}`);
      expect(params.profile).toBeNull();
      expect(params.problems).toEqual([{ name: 'profile', value: bad }]);
    }
  });

  it('keeps the number of machines within what a lab holds, and names a value it corrected', () => {
    expect(parseLabParams('?machines=0')).toMatchObject({
      machines: 1,
      problems: [{ name: 'machines', value: '0' }],
    });
    expect(parseLabParams('?machines=99').machines).toBe(MAX_MACHINES);
    expect(parseLabParams('?machines=two').machines).toBe(1);
    expect(parseLabParams('?machines=1.5').problems).toHaveLength(1);
  });

  it('names what it does not know: a parameter, a boot or a language', () => {
    expect(parseLabParams('?mahcines=2&boot=warm&lang=fr&autostart=maybe').problems).toEqual([
      { name: 'mahcines', value: '2' },
      { name: 'autostart', value: 'maybe' },
      { name: 'boot', value: 'warm' },
      { name: 'lang', value: 'fr' },
    ]);
  });
});
