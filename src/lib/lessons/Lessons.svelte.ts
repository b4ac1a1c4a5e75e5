// The lessons of the lab: the ones it ships (src/lessons/, loaded when the Lessons tool first
// opens) and a teacher's own, the one a student works through now, and what each student has done
// of each (kept in this browser).
import { parseLesson, MAX_LESSON_BYTES, type Lesson, type LessonError } from './format';
import { LessonRun } from './LessonRun.svelte';
import { saveBlob } from '../downloads/download';
import { locale } from '../i18n/locale.svelte';
import { progressReport, reportFileName } from './report';
import type { LessonLab } from './checks';
import {
  IdbProgressStorage,
  MemoryProgressStorage,
  PROGRESS_VERSION,
  type ProgressRecord,
  type ProgressStorage,
} from './progress';

/** The lesson files the lab ships, read when first needed. */
const shipped = import.meta.glob<string>('../../lessons/*.yaml', {
  query: '?raw',
  import: 'default',
});

/** The shipped lessons in the course's order (any other after them, by id). */
export const COURSE = [
  'host-and-guest',
  'emulation-cost',
  'popek-goldberg',
  'hypervisors',
  'snapshots',
  'containers',
  'virtual-networks',
  'paravirtual',
  'live-migration',
];
const place = (id: string) => {
  const at = COURSE.indexOf(id);
  return at < 0 ? COURSE.length : at;
};

export interface LessonEntry {
  lesson: Lesson;
  /** A teacher's file (by its name), or one the lab ships (null). */
  file: string | null;
}

/** Why a lesson cannot be used: its file's error, or a guest this lab does not have. */
export type LessonProblem =
  | { kind: 'file'; file: string; error: LessonError }
  | { kind: 'profile'; file: string; profile: string }
  | { kind: 'tooLarge'; file: string; limitKb: number };

/** What the place the lab runs in allows (a locked classroom kiosk pins the list). */
export interface LessonPolicy {
  /** Whether the lesson `id` is listed. */
  listed(id: string): boolean;
  /** Whether a teacher's own lesson file may be loaded. */
  teacherFiles(): boolean;
}

const OPEN: LessonPolicy = { listed: () => true, teacherFiles: () => true };

export class Lessons {
  #entries = $state.raw<LessonEntry[]>([]);
  /** The lesson being worked through (null: the list is shown). */
  run = $state.raw<LessonRun | null>(null);
  problem = $state.raw<LessonProblem | null>(null);
  progress = $state.raw<ProgressRecord>({ version: PROGRESS_VERSION, lessons: {} });

  #storage: ProgressStorage;
  #loaded: Promise<void> | null = null;

  constructor(
    private readonly lab: LessonLab,
    /** The guest profiles this lab has. */
    private readonly profiles: () => Promise<string[]>,
    storage: ProgressStorage | null = IdbProgressStorage.open(),
    private readonly policy: LessonPolicy = OPEN,
  ) {
    this.#storage = storage ?? new MemoryProgressStorage();
  }

  /** The lessons listed (all the lab has, or those a kiosk pins). */
  get entries(): LessonEntry[] {
    return this.#entries.filter((e) => e.file !== null || this.policy.listed(e.lesson.id));
  }

  get teacherFiles(): boolean {
    return this.policy.teacherFiles();
  }

  /** A lesson is open, begun and not finished (a kiosk does not reset it without warning). */
  inProgress(): boolean {
    const run = this.run;
    return run !== null && run.current < run.lesson.steps.length && run.current > 0;
  }

  /** Downloads the open lesson's progress report, in the page's language. */
  handIn(student = ''): void {
    const run = this.run;
    if (!run) return;
    const now = Date.now();
    const text = progressReport({
      lesson: run.lesson,
      progress: run.progress,
      student,
      locale: locale.current,
      now,
    });
    saveBlob(
      new Blob([text], { type: 'text/plain;charset=utf-8' }),
      reportFileName(run.lesson, now),
    );
  }

  /** Every lesson's progress forgotten, back to the list (a kiosk's reset to its golden state). */
  resetProgress(): void {
    this.close();
    this.progress = { version: PROGRESS_VERSION, lessons: {} };
    void this.#storage.save(this.progress).catch(() => undefined);
  }

  /** Reads the shipped lessons and the progress kept in this browser (once). */
  load(): Promise<void> {
    return (this.#loaded ??= this.#load());
  }

  async #load(): Promise<void> {
    const texts = await Promise.all(Object.values(shipped).map((read) => read()));
    const lessons = texts
      .map(parseLesson)
      .flatMap((p) => ('lesson' in p ? [p.lesson] : []))
      .sort((a, b) => place(a.id) - place(b.id) || a.id.localeCompare(b.id));
    this.#entries = lessons.map((lesson) => ({ lesson, file: null }));
    this.progress = await this.#storage.load().catch(() => this.progress);
  }

  /** How many of a lesson's steps are done. */
  doneCount(lesson: Lesson): number {
    const done = this.progress.lessons[lesson.id]?.done ?? {};
    return lesson.steps.filter((s) => done[s.id] !== undefined).length;
  }

  open(id: string): void {
    const entry = this.entries.find((e) => e.lesson.id === id);
    if (!entry) return;
    this.run?.dispose();
    this.problem = null;
    const saved = this.progress.lessons[id];
    this.run = new LessonRun(entry.lesson, this.lab, saved, (p) => {
      this.progress = {
        version: PROGRESS_VERSION,
        lessons: { ...this.progress.lessons, [id]: p },
      };
      void this.#storage.save(this.progress).catch(() => undefined); // kept for this visit
    });
  }

  /** Back to the list. */
  close(): void {
    this.run?.dispose();
    this.run = null;
  }

  /** A teacher's lesson file: listed and opened, or refused with the line and field at fault. */
  async loadFile(file: File): Promise<void> {
    this.problem = null;
    if (!this.teacherFiles) return;
    if (file.size > MAX_LESSON_BYTES) {
      this.problem = { kind: 'tooLarge', file: file.name, limitKb: MAX_LESSON_BYTES / 1024 };
      return;
    }
    const parsed = parseLesson(await file.text());
    if ('error' in parsed) {
      this.problem = { kind: 'file', file: file.name, error: parsed.error };
      return;
    }
    const { lesson } = parsed;
    if (!(await this.profiles()).includes(lesson.profile)) {
      this.problem = { kind: 'profile', file: file.name, profile: lesson.profile };
      return;
    }
    await this.load();
    const others = this.#entries.filter((e) => e.lesson.id !== lesson.id);
    this.#entries = [...others, { lesson, file: file.name }];
    this.open(lesson.id);
  }

  dispose(): void {
    this.close();
  }
}
