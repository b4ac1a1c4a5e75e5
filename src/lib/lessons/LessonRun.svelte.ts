// One lesson as a student works through it: each step's state (to do, checking, done, hint),
// the step to do now, and its checks run against the real lab whenever the guest or the lab
// changes (the student's command ended, a snapshot was saved or restored) and on "Check".
import { DisposableStore } from '../../common/events/emitter';
import { runChecks, type CheckOutcome, type LessonLab } from './checks';
import type { Lesson, LessonStep } from './format';
import type { LessonProgress } from './progress';
import { noticeOf, type Notice } from '../notices/notice';

export type StepState = 'todo' | 'checking' | 'done' | 'hint';

/** How long the guest stays quiet before a change is checked (its command has ended). */
export const SETTLE_MS = 120;

export class LessonRun {
  states = $state.raw<StepState[]>([]);
  /** Why the last check the student asked for could not say yes (shown with the hint). */
  outcome = $state.raw<CheckOutcome | null>(null);
  /** Why Start over could not make the lesson's lab (null: it did, or was not asked). */
  notice = $state.raw<Notice | null>(null);
  /** The step to do now (steps.length: the lesson is done). */
  current = $derived(this.#firstTodo());

  #progress: LessonProgress;
  #since = Date.now();
  // Plain bookkeeping, not UI state.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #restored = new Set<string>();
  #listening = new DisposableStore();
  #machines = new DisposableStore();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #checking: AbortController | null = null;
  #again = false;

  constructor(
    readonly lesson: Lesson,
    private readonly lab: LessonLab,
    progress: LessonProgress | undefined,
    /** Keeps the progress (the lessons' store). */
    private readonly persist: (progress: LessonProgress) => void,
  ) {
    this.#progress = progress ?? { startedAt: Date.now(), done: {} };
    this.states = lesson.steps.map((s) => (this.#progress.done[s.id] ? 'done' : 'todo'));
    this.#listenToMachines();
    this.#listening.add(
      lab.onChange(() => {
        // A machine the lesson names may have come (or gone and come back) meanwhile.
        this.#listenToMachines();
        this.#soon();
      }),
    );
    this.#soon();
  }

  /** What the student has done of this lesson (for the progress report). */
  get progress(): LessonProgress {
    return this.#progress;
  }

  get step(): LessonStep | null {
    return this.lesson.steps[this.current] ?? null;
  }

  /** The student asks: checked now, and the hint shown if it does not pass. */
  check(): Promise<void> {
    return this.#check(true);
  }

  /** A step with nothing to check: the student has read it. */
  markRead(): void {
    const step = this.step;
    if (step && step.checks.length === 0) this.#pass(this.current);
  }

  /** Types a step's command into the shell of the machine it is for. */
  type(command: string): void {
    const step = this.step;
    const name = step?.checks[0]?.machine ?? 'pc1';
    this.lab.machine(name)?.type(`${command}\r`);
  }

  /** The machines Start over puts back to a fresh start: the lesson's starting machines, or
   * else those its checks name that the lab has. */
  get machines(): string[] {
    const start = this.lesson.start?.machines.map((m) => m.name);
    return start ?? machinesOf(this.lesson).filter((name) => this.lab.machine(name) !== null);
  }

  /**
   * Every step to do again, from the lesson's starting state: the lab made its machines (when
   * the lesson names them), each fresh. A lab that cannot be made so is said in `notice`, and
   * the progress stays as it was.
   */
  async startOver(): Promise<void> {
    this.notice = null;
    this.#checking?.abort();
    const { start, profile } = this.lesson;
    // Machines there before are put back; the ones the layout adds start fresh anyway.
    const before = this.machines.filter((name) => this.lab.machine(name) !== null);
    if (start) {
      try {
        await this.lab.arrange(start.machines, profile);
      } catch (error) {
        this.notice = noticeOf(error, 'lessons.startOverFailed');
        return;
      }
    }
    this.#progress = { startedAt: Date.now(), done: {} };
    this.persist(this.#progress);
    this.outcome = null;
    this.states = this.lesson.steps.map(() => 'todo');
    const machines = before.flatMap((name) => this.lab.machine(name) ?? []);
    await Promise.all(machines.map((machine) => machine.reset()));
    // What the resets did (a restore of the pre-booted state) is not the student's act.
    this.#since = Date.now();
    this.#restored.clear();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#checking?.abort();
    this.#listening.dispose();
    this.#machines.dispose();
  }

  /** Checks when a named machine's guest printed something, or a snapshot went into it. */
  #listenToMachines(): void {
    this.#machines.dispose();
    for (const name of machinesOf(this.lesson)) {
      const machine = this.lab.machine(name);
      if (!machine) continue;
      this.#machines.add(machine.onOutput(() => this.#soon(() => machine.idle())));
      this.#machines.add(
        machine.onRestored(() => {
          this.#restored.add(name);
          this.#soon();
        }),
      );
    }
  }

  #firstTodo(): number {
    const at = this.states.findIndex((s) => s !== 'done');
    return at < 0 ? this.states.length : at;
  }

  /** A change in the lab: the current step is checked once things settle (if `ready` says so). */
  #soon(ready: () => boolean = () => true): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (ready()) void this.#check(false);
    }, SETTLE_MS);
  }

  async #check(asked: boolean): Promise<void> {
    const at = this.current;
    const step = this.lesson.steps[at];
    if (!step || step.checks.length === 0) return;
    if (this.#checking) {
      // One check at a time; a change seen meanwhile is checked right after.
      this.#again = true;
      if (!asked) return;
      this.#checking.abort();
    }
    const checking = (this.#checking = new AbortController());
    if (asked) this.#set(at, 'checking');
    const outcome = await runChecks(
      step.checks,
      this.lab,
      { since: this.#since, restored: this.#restored },
      checking.signal,
    );
    if (this.#checking !== checking) return;
    this.#checking = null;
    if (outcome.pass) this.#pass(at);
    else if (asked) {
      this.outcome = outcome;
      this.#set(at, 'hint');
    }
    if (this.#again) {
      this.#again = false;
      this.#soon();
    }
  }

  #pass(at: number): void {
    const step = this.lesson.steps[at];
    if (!step) return;
    this.outcome = null;
    this.#progress = { ...this.#progress, done: { ...this.#progress.done, [step.id]: Date.now() } };
    this.persist(this.#progress);
    this.#set(at, 'done');
    // The next step's lab conditions count from now.
    this.#since = Date.now();
    this.#restored.clear();
    this.#soon();
  }

  #set(at: number, state: StepState): void {
    this.states = this.states.map((s, i) => (i === at ? state : s));
  }
}

/** The machines a lesson's checks name. */
export function machinesOf(lesson: Lesson): string[] {
  const names = lesson.steps.flatMap((s) => s.checks.map((c) => c.machine));
  return names.filter((name, i) => names.indexOf(name) === i);
}
