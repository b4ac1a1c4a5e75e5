// The lab as lessons see it (checks.ts's LessonLab): its machines by name, the guest agent of
// each, their consoles' output and restores, the snapshots saved from each, the benchmark's and
// the network measurement's last runs, the pings its switches carried, the other hosts it sees
// and the migrations it took part in.
import type { Lab } from '../lab/Lab.svelte';
import { echoAnswers } from '../network/echo';
import { startLayout } from '../lab/LabLayout';
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
    // Every switch's frames in one timeline: a ping through a router is asked on one switch and
    // answered on another.
    pingAnswers: (from, to) =>
      echoAnswers(
        lab.network.lans.flatMap((lan) => lan.log.frames()).sort((a, b) => a.time - b.time),
        from,
        to,
      ),
    async arrange(machines, profile) {
      await lab.applyLayout(startLayout(lab.layout(), machines, profile));
    },
    otherHosts: () => lab.migrations.hosts.others.length,
    migrations() {
      const here = lab.migrations.hosts.self.name;
      return lab.migrations.history.records.flatMap(({ at, machine, from, to, live }) =>
        from === here || to === here ? [{ at, machine, away: from === here, live }] : [],
      );
    },
    onChange(listener) {
      let first = true;
      return $effect.root(() => {
        // How many hosts, not their list: each host's heartbeat renews the list.
        const hosts = $derived(lab.migrations.hosts.others.length);
        $effect(() => {
          void [lab.snapshots.items, lab.machines, lab.bench.lastRun, lab.networkMeasure.lastRun];
          void [hosts, lab.migrations.history.records];
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
