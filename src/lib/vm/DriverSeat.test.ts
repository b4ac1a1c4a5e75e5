import { afterEach, describe, expect, it, vi } from 'vitest';
import { DriverSeat, DriveRefused, DriveTimeout, driveAll } from './DriverSeat.svelte';
import { SerialConsole } from './SerialConsole.svelte';
import { FakeEmulator } from './FakeEmulator.testing';

/** A seat over a real console wired to the fake guest: what reaches the guest is recorded. */
function seated(name = 'pc1') {
  const console = new SerialConsole();
  const guest = new FakeEmulator({ libraryUrl: '', wasm: '' });
  console.connect(guest);
  return { seat: new DriverSeat(console, () => name), console, typed: () => guest.serial[0] };
}

afterEach(() => vi.useRealTimers());

describe('DriverSeat', () => {
  it('holds the student’s typing while a program drives, and delivers it whole afterwards', async () => {
    const { seat, console, typed } = seated();
    let finish!: () => void;
    const driving = seat.drive('benchmark', () => new Promise<void>((r) => (finish = r)));
    expect(seat.driver).toBe('benchmark');
    for (const key of 'echo hi\r') console.sendInput(key);
    expect(typed()).toBe('');
    expect(console.input).toEqual({ kind: 'held', owner: 'benchmark', chars: 8 });
    finish();
    await driving;
    expect(typed()).toBe('echo hi\r');
    expect(seat.driver).toBeNull();
  });

  it('refuses a second driver with a notice naming the first', async () => {
    const { seat } = seated();
    let finish!: () => void;
    const first = seat.drive('benchmark', () => new Promise<void>((r) => (finish = r)));
    const second = seat.drive('restore', () => Promise.resolve('never'));
    await expect(second).rejects.toBeInstanceOf(DriveRefused);
    await expect(second).rejects.toMatchObject({
      notice: {
        key: 'drive.refused',
        params: { machine: 'pc1', driver: { key: 'driver.benchmark' } },
      },
    });
    finish();
    await first;
    await expect(seat.drive('restore', () => Promise.resolve('now'))).resolves.toBe('now');
  });

  it('lets go when the work fails', async () => {
    const { seat, console, typed } = seated();
    const failing = seat.drive('restore', () => {
      console.sendInput('ls\r');
      return Promise.reject(new Error('bad state'));
    });
    await expect(failing).rejects.toThrow('bad state');
    expect(seat.driver).toBeNull();
    expect(typed()).toBe('ls\r');
  });

  it('lets go when the work runs out of time, and tells the work to stop', async () => {
    vi.useFakeTimers();
    const { seat, typed, console } = seated();
    let signal: AbortSignal | null = null;
    const stuck = seat.drive(
      'lesson',
      (drive) => {
        signal = drive.signal;
        console.sendInput('x');
        return new Promise<void>(() => undefined);
      },
      { timeoutMs: 5000 },
    );
    const outcome = expect(stuck).rejects.toBeInstanceOf(DriveTimeout);
    await vi.advanceTimersByTimeAsync(5000);
    await outcome;
    expect(signal!.aborted).toBe(true);
    expect(seat.driver).toBeNull();
    expect(typed()).toBe('x');
  });

  it('runs work inside a drive the caller already holds (a measurement resetting its machine)', async () => {
    const { seat } = seated();
    const inner = await seat.drive('networkMeasure', (drive) =>
      seat.drive('reset', () => Promise.resolve(seat.driver), { by: drive }),
    );
    expect(inner).toBe('networkMeasure');
  });

  it('drives several machines all or none: a refusal lets go of those taken', async () => {
    const a = seated('pc1');
    const b = seated('pc2');
    let finish!: () => void;
    const busy = b.seat.drive('benchmark', () => new Promise<void>((r) => (finish = r)));
    const both = driveAll([a.seat, b.seat], 'labRestore', () => Promise.resolve());
    await expect(both).rejects.toMatchObject({ notice: { params: { machine: 'pc2' } } });
    expect(a.seat.driver).toBeNull();
    finish();
    await busy;
    const drives = await driveAll([a.seat, b.seat], 'labRestore', (d) =>
      Promise.resolve(d.map((x) => x.owner)),
    );
    expect(drives).toEqual(['labRestore', 'labRestore']);
  });
});
