import { describe, expect, it } from 'vitest';
import { KioskConfigError, parseKioskConfig } from './config';

describe('parseKioskConfig', () => {
  it('fills in the defaults: not enabled, the boot state, ten idle minutes, no PIN, one machine', () => {
    expect(parseKioskConfig({})).toEqual({
      enabled: false,
      golden: { kind: 'boot' },
      idleMinutes: 10,
      countdownSeconds: 30,
      pin: null,
      fontSize: 22,
      machines: 1,
      lab: null,
      tools: [],
      lessons: [],
      keepLessonProgress: false,
      lessonIdleMinutes: 30,
    });
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
        machines: 2,
        tools: ['snapshots', 'guest', 'snapshots'],
        lessons: ['snapshots', 'containers'],
        keepLessonProgress: true,
        lessonIdleMinutes: 'pause',
      }),
    ).toEqual({
      enabled: true,
      golden: { kind: 'snapshot', name: 'Lesson 3' },
      idleMinutes: 0.5,
      countdownSeconds: 10,
      pin: '2468',
      fontSize: 28,
      machines: 2,
      lab: null,
      tools: ['snapshots', 'guest'],
      lessons: ['snapshots', 'containers'],
      keepLessonProgress: true,
      lessonIdleMinutes: 'pause',
    });
    expect(() => parseKioskConfig({ machines: 5 })).toThrow('machines: must be at most 4');
    expect(() => parseKioskConfig({ tools: ['shell'] })).toThrow('tools[0]: must name tools');
    expect(() => parseKioskConfig({ tools: 'network' })).toThrow('tools: must be a list');
  });
  it('accepts the bounds themselves', () => {
    const config = parseKioskConfig({ idleMinutes: 0.05, countdownSeconds: 600, fontSize: 12 });
    expect([config.idleMinutes, config.countdownSeconds, config.fontSize]).toEqual([0.05, 600, 12]);
    expect(parseKioskConfig({ golden: 'boot', pin: null }).golden).toEqual({ kind: 'boot' });
  });
  it.each([
    [[], /JSON object/],
    [null, /JSON object/],
    [{ idle: 5 }, /^idle: is not a setting/],
    [{ enabled: 'yes' }, /^enabled: must be true or false/],
    [{ golden: 'latest' }, /^golden: must be "boot"/],
    [{ golden: { snapshot: '  ' } }, /^golden/],
    [{ golden: { snapshot: 'x'.repeat(81) } }, /^golden/],
    [{ idleMinutes: 0 }, /^idleMinutes: must be at least 0.05/],
    [{ idleMinutes: 1e-7 }, /^idleMinutes: must be at least 0.05/],
    [{ idleMinutes: '5' }, /^idleMinutes: must be a number/],
    [{ idleMinutes: 1441 }, /^idleMinutes: must be at most 1440/],
    [{ countdownSeconds: -1 }, /^countdownSeconds: must be at least 1/],
    [{ countdownSeconds: 2.5 }, /^countdownSeconds: must be a whole number/],
    [{ fontSize: 4 }, /^fontSize: must be at least 12/],
    [{ fontSize: 500 }, /^fontSize: must be at most 64/],
    [{ pin: 1234 }, /^pin: must be a string of digits/],
    [{ pin: '12' }, /^pin: must be 4 to 12 digits/],
    [{ pin: '12ab' }, /^pin: must be 4 to 12 digits/],
  ])('refuses %j, naming the field', (raw, message) => {
    expect(() => parseKioskConfig(raw)).toThrow(KioskConfigError);
    expect(() => parseKioskConfig(raw)).toThrow(message);
  });
});

describe('kiosk.json: a network lab', () => {
  const lab = {
    lans: [{ name: 'LAN-A', subnet: '10.0.1.0/24' }],
    machines: [
      { name: 'pc1', profile: 'tiny', mac: '02:86:00:00:00:01', lan: 'LAN-A' },
      { name: 'pc2', profile: 'tiny', mac: '02:86:00:00:00:02', lan: 'LAN-A' },
    ],
  };

  it('reads the lab a kiosk rebuilds on every reset', () => {
    const config = parseKioskConfig({ enabled: true, lab });
    expect(config.lab?.machines.map((m) => m.name)).toEqual(['pc1', 'pc2']);
    expect(parseKioskConfig({}).lab).toBeNull();
  });

  it('refuses a lab with an unknown switch or a duplicate MAC, naming it', () => {
    const unknown = { ...lab, machines: [{ ...lab.machines[0], lan: 'LAN-B' }] };
    expect(() => parseKioskConfig({ lab: unknown })).toThrow(
      'lab.machines[0].lan: no switch called "LAN-B"',
    );
    const twice = {
      ...lab,
      machines: [lab.machines[0], { ...lab.machines[1], mac: lab.machines[0]!.mac }],
    };
    expect(() => parseKioskConfig({ lab: twice })).toThrow(
      'lab.machines[1].mac: 02:86:00:00:00:01 is used twice',
    );
  });
  it('refuses a lesson list or a lesson idle time it cannot use, naming the field', () => {
    expect(() => parseKioskConfig({ lessons: ['../x'] })).toThrow(/lessons/);
    expect(() => parseKioskConfig({ lessonIdleMinutes: 'forever' })).toThrow(/lessonIdleMinutes/);
    expect(() => parseKioskConfig({ lessonIdleMinutes: 0 })).toThrow(/lessonIdleMinutes/);
    expect(parseKioskConfig({ lessonIdleMinutes: 45 }).lessonIdleMinutes).toBe(45);
  });
});
