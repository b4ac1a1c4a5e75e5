import { describe, expect, it } from 'vitest';
import { AgentError, AgentReply, MAX_OUTPUT_BYTES, requestLine } from './agentReplies';

describe('the agent protocol', () => {
  it('asks with one line tagged by the request id, and refuses what is not one line', () => {
    expect(requestLine('a1b2', 'cat /proc/uptime')).toBe('x a1b2 cat /proc/uptime');
    expect(() => requestLine('a1b2', 'ls\nrm -rf /')).toThrow(AgentError);
    expect(() => requestLine('a1b2', '   ')).toThrow(/one line/);
    expect(() => requestLine('a1b2', 'x'.repeat(5000))).toThrow(/at most/);
  });

  it('puts the output together, a last line without its newline included', () => {
    const reply = new AgentReply('r1');
    expect(reply.feed('o r1 first')).toBeNull();
    expect(reply.feed('o r1 ')).toBeNull();
    expect(reply.feed('p r1 no newline')).toBeNull();
    expect(reply.feed('x r1 3')).toEqual({
      kind: 'done',
      result: { status: 3, output: 'first\n\nno newline' },
    });
  });

  it('hears only its own id: another request’s lines (a late answer) are not its output', () => {
    const reply = new AgentReply('r2');
    expect(reply.feed('o r1 stale')).toBeNull();
    expect(reply.feed('x r1 0')).toBeNull();
    expect(reply.feed('o r22 prefix is not enough')).toBeNull();
    expect(reply.feed('x r2 0')).toEqual({ kind: 'done', result: { status: 0, output: '' } });
  });

  it('fails past 64 KiB of output, counted here and said by the agent', () => {
    const reply = new AgentReply('r3');
    const line = 'y'.repeat(1023);
    for (let i = 0; i < MAX_OUTPUT_BYTES / 1024 + 1; i++) reply.feed(`o r3 ${line}`);
    expect(reply.feed('x r3 0')).toMatchObject({ kind: 'failed', error: { code: 'tooLarge' } });
    expect(new AgentReply('r4').feed('x r4 0 big')).toMatchObject({
      kind: 'failed',
      error: { code: 'tooLarge' },
    });
  });

  it('knows when the agent started again', () => {
    expect(new AgentReply('r5').feed('a ready')).toEqual({ kind: 'restarted' });
  });
});
