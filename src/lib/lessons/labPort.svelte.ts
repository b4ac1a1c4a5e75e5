// The lab as lessons see it (checks.ts's LessonLab): its machines by name, the guest agent of
// each, their consoles' output and restores, and the snapshots saved from each.
import type { Lab } from '../lab/Lab.svelte';
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
      };
    },
    snapshotTimes: (name) =>
      lab.snapshots.items.filter((s) => s.machine === name).map((s) => s.createdAt),
    onSnapshots(listener) {
      let first = true;
      return $effect.root(() => {
        $effect(() => {
          void lab.snapshots.items;
          if (!first) queueMicrotask(listener);
          first = false;
        });
      });
    },
  };
}

/** The lab's lessons (Lab.lessons() loads this module when the Lessons tool first opens). */
export function openLessons(lab: Lab): Lessons {
  const profiles = async () => (await lab.guests.manifest()).profiles.map((p) => p.id);
  return new Lessons(lessonLab(lab), profiles);
}
