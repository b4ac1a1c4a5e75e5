// The lab as lessons see it (checks.ts's LessonLab): its machines by name, the guest agent of
// each, their consoles' output and restores, the snapshots saved from each, the benchmark's and
// the network measurement's last runs, and the pings its switches carried.
import type { Lab } from '../lab/Lab.svelte';
import { echoAnswers } from '../network/echo';
import type { LessonLab, LessonMachine } from './checks';
import { Lessons } from './Lessons.svelte';

export function lessonLab(lab: Lab): LessonLab {
  return {
    machine(name): LessonMachine | null {
      const m = lab.machines.find((x) => x.name === name);
      if (!m) return null;
      return {
        exec: (command, options) => m.agent.exec(command, options),
        idle: () => m.shellIdle(),
        onOutput: (listener) => m.console.events.on('output', listener),
        onRestored: (listener) => m.events.on('restored', listener),
        type: (text) => m.console.sendInput(text),
        reset: () => m.reset(),
      };
    },
    snapshotTimes: (name) =>
      lab.snapshots.items.filter((s) => s.machine === name).map((s) => s.createdAt),
    benchmarkRun() {
      const run = lab.bench.lastRun;
      return run && { at: run.at, covered: run.places };
    },
    nicsMeasured() {
      const run = lab.networkMeasure.lastRun;
      return run && { at: run.at, covered: run.kinds };
    },
    pingAnswers: (from, to) =>
      lab.network.lans.flatMap((lan) => echoAnswers(lan.log.frames(), from, to)),
    onChange(listener) {
      let first = true;
      return $effect.root(() => {
        $effect(() => {
          void [lab.snapshots.items, lab.machines, lab.bench.lastRun, lab.networkMeasure.lastRun];
          if (!first) queueMicrotask(listener);
          first = false;
        });
        // Traffic: each switch's packet log, as the packet view redraws (at most 10 times a second).
        $effect(() => {
          const undo = lab.network.lans.map((lan) => lan.log.events.on('redrawn', listener));
          return () => undo.forEach((u) => u());
        });
      });
    },
  };
}

/** The lab's lessons (Lab.lessons() loads this module when the Lessons tool first opens). */
export function openLessons(lab: Lab): Lessons {
  const profiles = async () => (await lab.guests.manifest()).profiles.map((p) => p.id);
  const { kiosk } = lab;
  const lessons = new Lessons(lessonLab(lab), profiles, undefined, {
    listed: (id) => kiosk.listsLesson(id),
    // A locked kiosk runs the teacher's lessons only (kiosk.json's list).
    teacherFiles: () => !(kiosk.active && kiosk.locked),
  });
  kiosk.attachLessons(lessons);
  return lessons;
}
