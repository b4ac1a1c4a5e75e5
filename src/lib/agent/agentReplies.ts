// The guest agent's answers, put together from its lines on the control port (the protocol is
// in images/initramfs/aula-agent and docs/architecture.md). Pure: lines in, results out.

/** At most this much output (the agent stops there too and says "big"). */
export const MAX_OUTPUT_BYTES = 64 * 1024;
/** A command is one line of at most this many bytes. */
export const MAX_COMMAND_BYTES = 4096;

export interface AgentResult {
  /** The command's exit status. */
  status: number;
  /** What it printed (stdout and stderr, in order), whole. */
  output: string;
}

export type AgentFailure =
  /** No whole answer in time (the guest is busy, or has no agent: an older saved state). */
  | 'timeout'
  /** More than 64 KiB of output. */
  | 'tooLarge'
  /** The agent started again (the command ended it, or the lab stopped it) or the guest did. */
  | 'restarted'
  /** Not one line, or too long. */
  | 'badCommand'
  /** No machine runs to ask. */
  | 'noMachine'
  /** The program that asked gave up (it was cancelled). */
  | 'cancelled';

export class AgentError extends Error {
  override name = 'AgentError';
  constructor(
    readonly code: AgentFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The control-port line asking the agent to run `command` as request `id`. */
export function requestLine(id: string, command: string): string {
  if (/[\r\n\0]/.test(command) || command.trim() === '') {
    throw new AgentError('badCommand', 'a command is one line');
  }
  if (new TextEncoder().encode(command).length > MAX_COMMAND_BYTES) {
    throw new AgentError('badCommand', `a command is at most ${MAX_COMMAND_BYTES} bytes`);
  }
  return `x ${id} ${command}`;
}

/** What a line meant for the request `id` being answered. */
export type ReplyEvent =
  | { kind: 'done'; result: AgentResult }
  | { kind: 'failed'; error: AgentError }
  | { kind: 'restarted' }
  | null;

/** The answer to one request, a line at a time. */
export class AgentReply {
  #parts: string[] = [];
  #bytes = 0;
  #tooLarge = false;

  constructor(readonly id: string) {}

  /** A line from the agent; what it means for this request (null: nothing yet). */
  feed(line: string): ReplyEvent {
    if (line === 'a ready') return { kind: 'restarted' };
    const space = line.indexOf(' ', 2);
    if (space < 0 || line.slice(2, space) !== this.id) return null; // another request's
    const rest = line.slice(space + 1);
    switch (line[0]) {
      case 'o':
        return this.#add(`${rest}\n`);
      case 'p':
        return this.#add(rest);
      case 'x': {
        const [status, big] = rest.split(' ');
        if (big === 'big' || this.#tooLarge) return this.#fail();
        const code = Number(status);
        if (!Number.isInteger(code)) return null;
        return { kind: 'done', result: { status: code, output: this.#parts.join('') } };
      }
      default:
        return null;
    }
  }

  #add(text: string): ReplyEvent {
    if (this.#tooLarge) return null;
    this.#bytes += new TextEncoder().encode(text).length;
    if (this.#bytes > MAX_OUTPUT_BYTES) {
      this.#tooLarge = true;
      this.#parts = [];
      return null;
    }
    this.#parts.push(text);
    return null;
  }

  #fail(): ReplyEvent {
    const error = new AgentError('tooLarge', `more than ${MAX_OUTPUT_BYTES / 1024} KiB of output`);
    return { kind: 'failed', error };
  }
}
