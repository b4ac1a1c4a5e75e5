// "Ask the guest": the guest's own uptime, read through its agent while the student's shell does
// whatever it does, and how long the agent's channel takes to answer (a `true`, which forks
// nothing in the guest: the channel itself).
import { messageOf } from '../../common/errors';
import { problem, type Notice } from '../notices/notice';
import { AgentError, type GuestAgent } from './GuestAgent';

export class GuestProbe {
  /** Seconds since the guest's kernel started (its own clock). */
  uptimeSeconds = $state.raw<number | null>(null);
  /** The agent's round trip for `true`, ms (page clock). */
  roundTripMs = $state.raw<number | null>(null);
  asking = $state.raw(false);
  notice = $state.raw<Notice | null>(null);

  constructor(private readonly agent: GuestAgent) {}

  async ask(): Promise<void> {
    if (this.asking) return;
    this.asking = true;
    this.notice = null;
    try {
      const started = performance.now();
      await this.agent.exec('true');
      this.roundTripMs = performance.now() - started;
      const { output } = await this.agent.exec('cat /proc/uptime');
      const seconds = Number(output.split(' ')[0]);
      this.uptimeSeconds = Number.isFinite(seconds) ? seconds : null;
    } catch (error) {
      const code = error instanceof AgentError ? error.code : 'other';
      this.notice = problem(code === 'timeout' ? 'agent.error.timeout' : 'agent.error.other', {
        detail: messageOf(error),
      });
    } finally {
      this.asking = false;
    }
  }
}
