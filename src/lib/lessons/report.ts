// A student's progress report for one lesson, to hand in: which steps are done and when, in the
// reader's language, as plain text (any teacher can open it). Pure.
import { formatDateTime } from '../i18n/format';
import { translate, type Locale } from '../i18n/translate';
import type { Lesson } from './format';
import type { LessonProgress } from './progress';

export interface ReportInput {
  lesson: Lesson;
  progress: LessonProgress;
  /** The student's name as they typed it (may be empty). */
  student: string;
  locale: Locale;
  /** When the report is made, ms since the epoch. */
  now: number;
}

/** The report's text. */
export function progressReport({ lesson, progress, student, locale, now }: ReportInput): string {
  const say = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params);
  const when = (time: number) => formatDateTime(time, locale, 'medium');
  const done = lesson.steps.filter((s) => progress.done[s.id] !== undefined).length;
  const name = oneLine(student);
  const lines = [
    say('lessons.report.heading'),
    '',
    `${say('lessons.report.lesson')}: ${lesson.title[locale]} (${lesson.id})`,
    ...(name ? [`${say('lessons.report.student')}: ${name}`] : []),
    `${say('lessons.report.started')}: ${when(progress.startedAt)}`,
    `${say('lessons.report.made')}: ${when(now)}`,
    say('lessons.stepsDone', { done, total: lesson.steps.length }),
    '',
    ...lesson.steps.map((step, i) => {
      const at = progress.done[step.id];
      const state =
        at === undefined ? say('lessons.state.todo') : `${say('lessons.state.done')} ${when(at)}`;
      return `${i + 1}. ${step.title[locale]}: ${state}`;
    }),
    '',
  ];
  return lines.join('\n');
}

/** The file the report is saved as: the lesson's id and the day. */
export function reportFileName(lesson: Lesson, now: number): string {
  return `aula86-${lesson.id}-${new Date(now).toISOString().slice(0, 10)}.txt`;
}

/** A name typed by the student, on one line and at most 80 characters. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const plain = text.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, ' ');
  return Array.from(plain.replace(/\s+/g, ' ').trim()).slice(0, 80).join('');
}
