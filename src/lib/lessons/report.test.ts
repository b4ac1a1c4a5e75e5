import { describe, expect, it } from 'vitest';
import { parseLesson, type Lesson } from './format';
import { progressReport, reportFileName } from './report';
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../lessons/snapshots.yaml', import.meta.url), 'utf8');
const lesson = (parseLesson(source) as { lesson: Lesson }).lesson;
const now = Date.UTC(2026, 11, 4, 17, 0, 0);
const progress = {
  startedAt: now - 3_600_000,
  done: { work: now - 3_000_000, save: now - 2_000_000 },
};

describe('a progress report', () => {
  it('lists every step, done with its time or to do, in the reader’s language', () => {
    const es = progressReport({ lesson, progress, student: 'Ana', locale: 'es', now });
    expect(es).toContain('Lección: Instantáneas (snapshots)');
    expect(es).toContain('Estudiante: Ana');
    expect(es).toContain('2 de 5 pasos hechos');
    expect(es).toMatch(/^1\. Deja trabajo en el invitado: hecho .*2026/m);
    expect(es).toMatch(/^3\. Rompe el sistema: por hacer$/m);
    const en = progressReport({ lesson, progress, student: '', locale: 'en', now });
    expect(en).toMatch(/^2\. Save a snapshot: done /m);
    expect(en).not.toContain('Student');
  });

  it('keeps a typed name on one short line', () => {
    const text = progressReport({
      lesson,
      progress,
      student: 'Ana\nLesson: fake\u202E' + 'x'.repeat(200),
      locale: 'en',
      now,
    });
    const line = text.split('\n').find((l) => l.startsWith('Student: '))!;
    expect(line).not.toContain('\u202E');
    expect(Array.from(line.slice('Student: '.length))).toHaveLength(80);
    expect(text.split('\n').filter((l) => l.startsWith('Lesson: '))).toHaveLength(1);
  });

  it('is saved under the lesson’s id and the day', () => {
    expect(reportFileName(lesson, now)).toBe('aula86-snapshots-2026-12-04.txt');
  });
});
