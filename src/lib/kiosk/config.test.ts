import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK, KioskConfigError, parseKioskConfig } from './config';

describe('parseKioskConfig', () => {
  it('fills in the defaults', () => {
    expect(parseKioskConfig({})).toEqual(DEFAULT_KIOSK);
  });
  it('reads every setting', () => {
    expect(
      parseKioskConfig({
        enabled: true,
        golden: { snapshot: ' Lesson 3 ' },
        idleMinutes: 0.5,
        countdownSeconds: 10,
        pin: '2468',
        fontSize: 28,
      }),
    ).toEqual({
      enabled: true,
      golden: { kind: 'snapshot', name: 'Lesson 3' },
      idleMinutes: 0.5,
      countdownSeconds: 10,
      pin: '2468',
      fontSize: 28,
    });
  });
  it.each([
    [[], /JSON object/],
    [{ idle: 5 }, /unknown setting idle/],
    [{ enabled: 'yes' }, /enabled/],
    [{ golden: 'latest' }, /golden/],
    [{ golden: { snapshot: '' } }, /golden/],
    [{ idleMinutes: 0 }, /idleMinutes/],
    [{ countdownSeconds: -1 }, /countdownSeconds/],
    [{ pin: 1234 }, /pin/],
    [{ pin: '12' }, /pin/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseKioskConfig(raw)).toThrow(KioskConfigError);
    expect(() => parseKioskConfig(raw)).toThrow(message);
  });
});
