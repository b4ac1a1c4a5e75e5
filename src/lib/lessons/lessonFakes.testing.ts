// A lab and its machines for the lessons' unit tests: files a command can read, snapshots,
// tool runs and pings set by the test, and the events a real lab sends.
import { Emitter } from '../../common/events/emitter';
import { AgentError, type AgentResult } from '../agent/GuestAgent';
import type { HostMigration, LessonLab, LessonMachine, ToolRun } from './checks';
import type { StartMachine } from './format';

export class FakeMachine implements LessonMachine {
  files = new Map<string, string>();
  events = new Emitter<{ output: null; restored: null }>();
  typed: string[] = [];
  hang = false;
  exec(command: string, { timeoutMs }: { timeoutMs: number }): Promise<AgentResult> {
    if (this.hang) return Promise.reject(new AgentError('timeout', `no answer in ${timeoutMs} ms`));
    const file = this.files.get(command.replace('cat ', ''));
    return Promise.resolve(
      file === undefined ? { status: 1, output: 'no' } : { status: 0, output: file },
    );
  }
  idle = () => true;
  onOutput = (l: () => void) => this.events.on('output', l);
  onRestored = (l: () => void) => this.events.on('restored', l);
  type = (text: string) => void this.typed.push(text);
  resets = 0;
  reset = () => {
    this.resets++;
    this.files.clear();
    return Promise.resolve();
  };
}

export class FakeLab implements LessonLab {
  pc1 = new FakeMachine();
  others = new Map<string, FakeMachine>();
  saved: number[] = [];
  bench: ToolRun | null = null;
  measured: ToolRun | null = null;
  pings: number[] = [];
  hosts = 0;
  moves: HostMigration[] = [];
  events = new Emitter<{ changed: null }>();
  machine = (name: string) => (name === 'pc1' ? this.pc1 : (this.others.get(name) ?? null));
  snapshotTimes = () => this.saved;
  benchmarkRun = () => this.bench;
  nicsMeasured = () => this.measured;
  pingAnswers = (from: string, to: string) => (from === 'pc2' && to === 'pc1' ? this.pings : []);
  arranged: Array<{ machines: readonly StartMachine[]; profile: string }> = [];
  arrange = (machines: readonly StartMachine[], profile: string) => {
    this.arranged.push({ machines, profile });
    for (const { name } of machines)
      if (name !== 'pc1' && !this.others.has(name)) this.others.set(name, new FakeMachine());
    for (const name of this.others.keys())
      if (!machines.some((m) => m.name === name)) this.others.delete(name);
    return Promise.resolve();
  };
  otherHosts = () => this.hosts;
  migrations = () => this.moves;
  onChange = (l: () => void) => this.events.on('changed', l);
}
