import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LESSON_BYTES, parseLesson } from './format';

const shipped = readFileSync(new URL('../../lessons/snapshots.yaml', import.meta.url), 'utf8');

const minimal = readFileSync(
  new URL('../../../e2e/fixtures/minimal-lesson.yaml', import.meta.url),
  'utf8',
);

describe('a lesson file', () => {
  it('reads a shipped lesson, defaults filled in', () => {
    const parsed = parseLesson(shipped);
    if (!('lesson' in parsed)) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.lesson.id).toBe('snapshots');
    expect(parsed.lesson.steps.map((s) => s.id)).toEqual([
      'work',
      'save',
      'break',
      'restore',
      'back',
    ]);
    expect(parsed.lesson.steps[0]!.checks[0]).toEqual({
      machine: 'pc1',
      run: 'cat /root/work.txt',
      expect: '^my work$',
    });
    expect(parsed.lesson.profile).toBe('tiny');
  });

  it('refuses a missing translation with its line and field', () => {
    const broken = minimal.replace('text: { en: Do it, es: Hazlo }', 'text: { en: Do it }');
    const parsed = parseLesson(broken);
    expect('error' in parsed && parsed.error).toMatchObject({ line: 8, field: 'steps[0].text.es' });
  });

  it('refuses a check for a machine the lab cannot have, and a bad pattern', () => {
    const machine = parseLesson(
      minimal.replace('- run: test', '- machine: server\n        run: test'),
    );
    expect('error' in machine && machine.error).toMatchObject({
      line: 10,
      field: 'steps[0].checks[0].machine',
    });
    const pattern = parseLesson(
      minimal.replace('run: test -e /root/x', 'run: ls\n        expect: "(["'),
    );
    expect('error' in pattern && pattern.error).toMatchObject({
      line: 11,
      field: 'steps[0].checks[0].expect',
      message: 'not a regular expression',
    });
  });

  it('a ping check names the machine pinged; no other check does', () => {
    const ping = (extra: string) => parseLesson(minimal.replace('- run: test -e /root/x', extra));
    expect(ping('- { lab: ping, machine: pc2, to: pc1 }')).toHaveProperty('lesson');
    expect(ping('- { lab: ping, machine: pc2 }')).toMatchObject({
      error: { line: 10, field: 'steps[0].checks[0]' },
    });
    expect(ping('- { lab: restored, to: pc1 }')).toMatchObject({
      error: { line: 10, field: 'steps[0].checks[0]' },
    });
    expect(ping('- { lab: nicsMeasured }')).toHaveProperty('lesson');
  });

  it('a starting layout names each machine once, with a switch or the trunk', () => {
    const start = (yaml: string) => parseLesson(minimal.replace('steps:\n', `${yaml}\nsteps:\n`));
    expect(start('start: { machines: [{ name: pc1 }, { name: pc2, lan: trunk }] }')).toHaveProperty(
      'lesson',
    );
    expect(start('start: { machines: [{ name: pc1 }, { name: pc1 }] }')).toHaveProperty('error');
    expect(start('start: { machines: [] }')).toHaveProperty('error');
    expect(start('start: { machines: [{ name: server }] }')).toHaveProperty('error');
    expect(start('start: { machines: [{ name: pc1, lan: "LAN A" }] }')).toHaveProperty('error');
  });

  it('“live” goes with a migration check only', () => {
    const check = (extra: string) => parseLesson(minimal.replace('- run: test -e /root/x', extra));
    expect(check('- { lab: migratedAway, live: true }')).toHaveProperty('lesson');
    expect(check('- { lab: migratedHere, live: false }')).toHaveProperty('lesson');
    expect(check('- { lab: hostSeen }')).toHaveProperty('lesson');
    expect(check('- { lab: restored, live: true }')).toMatchObject({
      error: { line: 10, field: 'steps[0].checks[0]' },
    });
    expect(check('- { lab: migratedAway, live: maybe }')).toHaveProperty('error');
  });

  it('refuses another format version, naming the field', () => {
    const other = parseLesson(minimal.replace('aula86-lesson/1', 'aula86-lesson/9'));
    expect('error' in other && other.error).toMatchObject({ line: 1, field: 'format' });
  });

  it('refuses YAML that does not parse, a step id used twice, a huge or binary file', () => {
    const yaml = parseLesson('format: [unclosed\nid: x');
    expect('error' in yaml && yaml.error.line).toBeGreaterThan(0);
    const twice = parseLesson(`${minimal}  - id: one
    title: { en: Two, es: Dos }
    text: { en: Again, es: Otra vez }
`);
    expect('error' in twice && twice.error).toMatchObject({ line: 11, field: 'steps[1].id' });
    expect(parseLesson('x'.repeat(MAX_LESSON_BYTES + 1))).toMatchObject({ error: { line: 0 } });
    expect(parseLesson('format: \0')).toMatchObject({ error: { message: 'not a text file' } });
  });

  it('refuses unknown fields (a typo is not silently ignored)', () => {
    const typo = parseLesson(minimal.replace('    checks:', '    chekcs:'));
    expect('error' in typo && typo.error).toMatchObject({ line: 9, field: 'steps[0].chekcs' });
  });
});

describe('the lessons the lab ships', () => {
  const dir = new URL('../../lessons/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  it.each(files)('%s reads, named after its id', (file) => {
    const parsed = parseLesson(readFileSync(new URL(file, dir), 'utf8'));
    if (!('lesson' in parsed)) throw new Error(`${file}: ${JSON.stringify(parsed.error)}`);
    expect(`${parsed.lesson.id}.yaml`).toBe(file);
  });
});
