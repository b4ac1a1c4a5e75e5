import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeLab, FakeMachine } from './lessonFakes.testing';
import { parseLesson, type Lesson } from './format';
import { LessonRun, SETTLE_MS } from './LessonRun.svelte';
import type { LessonProgress } from './progress';

const source = `format: aula86-lesson/1
id: t
title: { en: T, es: T }
summary: { en: S, es: S }
steps:
  - id: file
    title: { en: A file, es: Un archivo }
    text: { en: Write it, es: Escríbelo }
    commands: [echo hi > /root/f]
    checks:
      - run: cat /root/f
        expect: ^hi$
    hint: { en: Write /root/f, es: Escribe /root/f }
  - id: save
    title: { en: Save, es: Guarda }
    text: { en: Save one, es: Guarda una }
    checks:
      - lab: snapshotSaved
  - id: restore
    title: { en: Restore, es: Restaura }
    text: { en: Restore it, es: Restáurala }
    checks:
      - lab: restored
`;
const lesson = (parseLesson(source) as { lesson: Lesson }).lesson;

describe('a lesson run', () => {
  let lab: FakeLab;
  let kept: LessonProgress[];
  let run: LessonRun;
  beforeEach(() => {
    vi.useFakeTimers();
    lab = new FakeLab();
    kept = [];
    run = new LessonRun(lesson, lab, undefined, (p) => kept.push(p));
  });
  afterEach(() => {
    run.dispose();
    vi.useRealTimers();
  });
  const settle = () => vi.advanceTimersByTimeAsync(SETTLE_MS + 1);

  it('a step turns done only after the real action, checked when the guest settles', async () => {
    await settle();
    expect(run.states).toEqual(['todo', 'todo', 'todo']);
    lab.pc1.files.set('/root/f', 'hi\n');
    lab.pc1.events.emit('output', null);
    await settle();
    expect(run.states[0]).toBe('done');
    expect(run.current).toBe(1);
    expect(Object.keys(kept.at(-1)!.done)).toEqual(['file']);
  });

  it('asked to check, a step not done shows its hint and stays to do', async () => {
    lab.pc1.files.set('/root/f', 'bye\n');
    await run.check();
    expect(run.states[0]).toBe('hint');
    expect(run.outcome).toEqual({ pass: false, reason: 'failed' });
    expect(run.current).toBe(0);
  });

  it('a hanging check is a timeout, said so; the step stays to do', async () => {
    lab.pc1.hang = true;
    await run.check();
    expect(run.outcome).toMatchObject({ pass: false, reason: 'timeout' });
    expect(run.current).toBe(0);
  });

  it('lab conditions count from when the step began: an older snapshot does not pass', async () => {
    lab.saved = [Date.now() - 60_000];
    lab.pc1.files.set('/root/f', 'hi');
    await run.check();
    expect(run.current).toBe(1);
    await run.check();
    expect(run.states[1]).toBe('hint');
    lab.saved.push(Date.now());
    lab.events.emit('changed', null);
    await settle();
    expect(run.current).toBe(2);
    // A restore before this step does not count; one after it does.
    await run.check();
    expect(run.states[2]).toBe('hint');
    lab.pc1.events.emit('restored', null);
    await settle();
    expect(run.states).toEqual(['done', 'done', 'done']);
    expect(run.current).toBe(3);
  });

  it('progress given back restores the states; start over clears them and resets the machines', async () => {
    run.dispose();
    run = new LessonRun(lesson, lab, { startedAt: 1, done: { file: 5 } }, (p) => kept.push(p));
    expect(run.states).toEqual(['done', 'todo', 'todo']);
    lab.pc1.files.set('/root/f', 'hi');
    expect(run.machines).toEqual(['pc1']);
    await run.startOver();
    expect(run.states).toEqual(['todo', 'todo', 'todo']);
    expect(kept.at(-1)!.done).toEqual({});
    expect(lab.pc1.resets).toBe(1);
    await settle();
    expect(run.states[0]).toBe('todo'); // the file went with the reset
  });

  it('start over with a starting layout: the lab made so first, the machines there before reset', async () => {
    const laid = parseLesson(
      source.replace(
        'steps:\n',
        'start:\n  machines: [{ name: pc1 }, { name: pc2, lan: LAN-B }]\nsteps:\n',
      ),
    );
    // Begun: its first step done.
    const begin = () => {
      run.dispose();
      run = new LessonRun(
        (laid as { lesson: Lesson }).lesson,
        lab,
        { startedAt: 1, done: { file: 5 } },
        (p) => kept.push(p),
      );
    };
    begin();
    lab.others.set('pc3', new FakeMachine()); // one the student added
    expect(run.machines).toEqual(['pc1', 'pc2']);
    await run.startOver();
    expect(lab.arranged).toEqual([
      { machines: [{ name: 'pc1' }, { name: 'pc2', lan: 'LAN-B' }], profile: 'tiny' },
    ]);
    expect(lab.machine('pc3')).toBeNull();
    expect(lab.pc1.resets).toBe(1);
    expect(lab.machine('pc2')).not.toBeNull();
    expect(run.states).toEqual(['todo', 'todo', 'todo']);

    // A lab that cannot be made so: said, and the progress is left as it was.
    lab.arrange = () => Promise.reject(new Error('no room'));
    begin();
    const savedBefore = kept.length;
    await run.startOver();
    expect(run.notice).toMatchObject({
      key: 'lessons.startOverFailed',
      params: { detail: 'no room' },
    });
    expect(run.states[0]).toBe('done');
    expect(kept.length).toBe(savedBefore);
  });

  it('"Type it for me" types the command into the step\'s machine', () => {
    run.type('echo hi > /root/f');
    expect(lab.pc1.typed).toEqual(['echo hi > /root/f\r']);
  });

  it('listens to a machine the lesson names that comes after it opened', async () => {
    const two = parseLesson(
      source.replace('      - run: cat /root/f', '      - machine: pc2\n        run: cat /root/f'),
    );
    run.dispose();
    run = new LessonRun((two as { lesson: Lesson }).lesson, lab, undefined, () => undefined);
    const pc2 = new FakeMachine();
    lab.others.set('pc2', pc2);
    lab.events.emit('changed', null); // the lab's machines changed
    await settle();
    expect(run.current).toBe(0);
    pc2.files.set('/root/f', 'hi');
    pc2.events.emit('output', null);
    await settle();
    expect(run.current).toBe(1);
  });
});
