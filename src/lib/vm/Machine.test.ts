import { afterEach, describe, expect, it, vi } from 'vitest';
import { CURSOR_ANSWER, testLab } from '../lab/testLab.testing';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.unstubAllGlobals());

/** A lab of one machine on a fake emulator, powered on (not yet resumed). */
async function oneMachine() {
  const { lab, emulators } = testLab();
  lab.start();
  await settle();
  const machine = lab.machines[0]!;
  const emulator = () => emulators.made.at(-1)!;
  return { lab, machine, emulator, emulators };
}

describe('Machine', () => {
  it('holds what is typed while it boots, and gives it to the guest whole at the prompt', async () => {
    const { lab, machine, emulator } = await oneMachine();
    expect(machine.status).toBe('booting');
    machine.console.sendInput('l');
    machine.console.sendInput('s\r');
    expect(emulator().serial[0]).toBe('');
    expect(machine.console.input).toEqual({ kind: 'held', owner: 'power', chars: 3 });
    emulator().resume();
    await settle();
    expect(machine.status).toBe('running');
    expect(emulator().serial[0]).toBe(`${CURSOR_ANSWER}ls\r`);
    expect(machine.state.startedFrom).toBe('bootState');
    expect(machine.state.bootMs).not.toBeNull();
    lab.destroy();
  });

  it('pauses (typing waits) and resumes (typing arrives)', async () => {
    const { lab, machine, emulator } = await oneMachine();
    emulator().resume();
    await settle();
    await machine.pause();
    expect(machine.status).toBe('paused');
    expect(emulator().stop).toHaveBeenCalledOnce();
    machine.console.sendInput('date\r');
    expect(emulator().serial[0]).toBe(CURSOR_ANSWER);
    await machine.resume();
    expect(machine.status).toBe('running');
    expect(emulator().run).toHaveBeenCalledOnce();
    expect(emulator().serial[0]).toBe(`${CURSOR_ANSWER}date\r`);
    lab.destroy();
  });

  it('restores a state saved under another name and keeps its own name, prompt included', async () => {
    const { lab, machine, emulator } = await oneMachine();
    emulator().resume();
    await settle();
    const screen = new TextEncoder().encode('ls\r\nbin\r\nroot@pc2:~# ');
    await machine.drive('restore', (drive) =>
      machine.restoreState(new ArrayBuffer(8), screen, drive),
    );
    expect(emulator().restoreState).toHaveBeenCalledOnce();
    expect(emulator().serial[1]).toContain('hostname pc1\n');
    const shown = new TextDecoder().decode(machine.console.recentOutput());
    expect(shown).toBe('ls\r\nbin\r\nroot@pc1:~# \r\x1b[Kroot@pc1:~# ');
    expect(machine.status).toBe('running');
    lab.destroy();
  });

  it('is in error, with the reason, when the emulator rejects a state; what was typed is dropped', async () => {
    const { lab, machine, emulator } = await oneMachine();
    emulator().resume();
    await settle();
    emulator().restoreState.mockRejectedValueOnce(new Error('bad state'));
    const restored = machine.drive('restore', (drive) => {
      machine.console.sendInput('x');
      return machine.restoreState(new ArrayBuffer(8), new Uint8Array(), drive);
    });
    await expect(restored).rejects.toThrow('bad state');
    expect(machine.status).toBe('error');
    expect(machine.error).toEqual({ code: 'stateRejected', params: { detail: 'bad state' } });
    expect(emulator().serial[0]).toBe(CURSOR_ANSWER);
    lab.destroy();
  });

  it('a reset asked for while a program drives is refused: the machine says which program', async () => {
    const { lab, machine, emulator, emulators } = await oneMachine();
    emulator().resume();
    await settle();
    await machine.drive('benchmark', () => machine.reset());
    expect(machine.note).toMatchObject({
      key: 'drive.refused',
      params: { machine: 'pc1', driver: { key: 'driver.benchmark' } },
    });
    expect(emulators.made).toHaveLength(1); // nothing was restarted
    const reset = machine.reset();
    await vi.waitFor(() => expect(emulators.made).toHaveLength(2));
    expect(machine.note).toBeNull();
    expect(machine.seat.driver).toBe('reset');
    emulator().resume();
    await reset;
    expect(machine.seat.driver).toBeNull();
    expect(machine.status).toBe('running');
    lab.destroy();
  });

  it('reports a crash while booting; a crash later leaves the guest as it is', async () => {
    const { lab, machine, emulator } = await oneMachine();
    emulator().crash('out of memory');
    expect(machine.status).toBe('error');
    expect(machine.error).toEqual({ code: 'emulator', params: { detail: 'out of memory' } });
    await machine.start(); // try again: a new emulator
    await settle();
    emulator().resume();
    await settle();
    emulator().crash('late');
    expect(machine.status).toBe('running');
    lab.destroy();
  });

  it('says why the pre-booted state could not be used, and boots cold instead', async () => {
    const { lab, machine, emulator, emulators } = await oneMachine();
    emulator().emit('stateFailed', { kind: 'missing', message: 'HTTP 404' });
    await settle();
    expect(machine.note).toMatchObject({
      key: 'machine.note.bootStateUnavailable',
      params: { detail: 'boot-state.bin.gz: HTTP 404' },
    });
    // The images are not served in this test: the cold boot fails, and says which file.
    await vi.waitFor(() => expect(machine.status).toBe('error'));
    expect(machine.error?.code).toBe('imageMissing');
    expect(emulators.made).toHaveLength(2);
    lab.destroy();
  });

  it('counts instructions and shows MIPS from the readings that come with output', async () => {
    const { lab, machine, emulator } = await oneMachine();
    emulator().resume();
    await settle();
    const at = Date.now();
    emulator().emit('counter', { value: 0, at });
    emulator().emit('counter', { value: 50_000_000, at: at + 1000 });
    expect(machine.speed.instructions).toBe(50_000_000);
    expect(machine.speed.mips).toBeCloseTo(50, 0);
    lab.destroy();
  });

  it('ends its emulator when destroyed', async () => {
    const { lab, machine, emulator } = await oneMachine();
    machine.destroy();
    expect(emulator().destroyed).toBe(true);
    expect(machine.status).toBe('stopped');
    lab.destroy();
  });
});
