import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeEmulator } from '../vm/FakeEmulator.testing';
import { AgentError, GuestAgent } from './GuestAgent';

function connected() {
  const guest = new FakeEmulator({ libraryUrl: '', wasm: '' });
  const agent = new GuestAgent();
  agent.connect(guest);
  return { guest, agent };
}

afterEach(() => vi.useRealTimers());

describe('GuestAgent', () => {
  it('runs a command on the control port and answers its status and output, never in the shell', async () => {
    const { guest, agent } = connected();
    guest.agent = (command) =>
      command === 'cat /proc/uptime' ? { status: 0, output: '12.34 10.01\n' } : null;
    await expect(agent.exec('cat /proc/uptime')).resolves.toEqual({
      status: 0,
      output: '12.34 10.01\n',
    });
    expect(guest.serial[0]).toBe(''); // nothing typed into the student's shell
    expect(guest.serial[1]).toMatch(/^x [0-9a-f]{8} cat \/proc\/uptime\n$/);
  });

  it('gives each request an id of its own, one request at a time, answers in order', async () => {
    const { guest, agent } = connected();
    guest.agent = (command) => ({ status: 0, output: `${command}\n` });
    const [a, b] = await Promise.all([agent.exec('echo a'), agent.exec('echo b')]);
    expect([a.output, b.output]).toEqual(['echo a\n', 'echo b\n']);
    const ids = guest.serial[1]!.split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ')[1]);
    expect(new Set(ids).size).toBe(2);
  });

  it('a status other than 0 is an answer; an unknown command says so', async () => {
    const { agent } = connected();
    await expect(agent.exec('nosuch')).resolves.toMatchObject({ status: 127 });
  });

  it('times out when the guest never answers, stops the request there, and the next one runs', async () => {
    vi.useFakeTimers();
    const { guest, agent } = connected();
    guest.agent = 'silent';
    const first = agent.exec('sleep 100', { timeoutMs: 500 });
    const failed = expect(first).rejects.toMatchObject({ code: 'timeout' });
    await vi.advanceTimersByTimeAsync(500);
    await failed;
    expect(guest.serial[1]).toContain('agent reset\n');
    guest.agent = (command) => (command === 'true' ? { status: 0, output: '' } : null);
    const second = agent.exec('true');
    await vi.advanceTimersByTimeAsync(3000); // the silent guest never says "a ready"
    await expect(second).resolves.toEqual({ status: 0, output: '' });
  });

  it('a request in flight fails when the agent starts again or the machine goes', async () => {
    const { guest, agent } = connected();
    guest.agent = 'silent';
    const restarted = agent.exec('exit');
    await vi.waitFor(() => expect(guest.agentRequests).toEqual(['exit']));
    guest.emit('agent', ['a ready']);
    await expect(restarted).rejects.toMatchObject({ code: 'restarted' });
    const gone = agent.exec('sleep 1');
    await vi.waitFor(() => expect(guest.agentRequests).toHaveLength(2));
    agent.connect(null);
    await expect(gone).rejects.toBeInstanceOf(AgentError);
    await expect(agent.exec('true')).rejects.toMatchObject({ code: 'noMachine' });
  });

  it('refuses a command that is not one line before sending anything', async () => {
    const { guest, agent } = connected();
    await expect(agent.exec('ls\nreboot')).rejects.toMatchObject({ code: 'badCommand' });
    expect(guest.serial[1]).toBe('');
  });
});
