// Who drives a machine's console: one program at a time (a restore, a reset, the benchmark, the
// network measurement, a lab snapshot's restore, a lesson's check, a migration). While one
// drives, the student's typing is held and reaches the guest whole afterwards; a second program
// is refused with a notice naming the first. A drive ends when its work settles, fails or runs
// out of time, and the console is let go in every case.
import { UserError } from '../notices/notice';

export type Driver =
  | 'restore'
  | 'reset'
  | 'kioskReset'
  | 'benchmark'
  | 'networkMeasure'
  | 'labRestore'
  | 'lesson'
  | 'migration';

/** What a driver is called in a sentence ("the benchmark"), in the reader's language. */
export const driverName = (driver: Driver) => ({ key: `driver.${driver}` as const });

/** The drive a program holds: proof, for the machine's operations it calls, that it drives. */
export interface Drive {
  readonly owner: Driver;
  /** Aborted when the drive runs out of time: the work should stop. */
  readonly signal: AbortSignal;
}

/** Another program drives the console: the notice names it. */
export class DriveRefused extends UserError {
  constructor(
    machine: string,
    readonly driver: Driver,
  ) {
    super('drive.refused', { machine, driver: driverName(driver) });
  }
}

/** The work did not end in time: the console was let go. */
export class DriveTimeout extends UserError {
  constructor(machine: string, driver: Driver, seconds: number) {
    super('drive.timeout', { machine, driver: driverName(driver), seconds });
  }
}

/** What the seat needs of its console: a hold on the user's typing. */
export interface HeldConsole {
  hold(owner: string): () => void;
}

export class DriverSeat {
  /** The program driving the console now, or null. */
  driver = $state.raw<Driver | null>(null);
  #drive: Drive | null = null;

  constructor(
    private readonly console: HeldConsole,
    private readonly machineName: () => string,
  ) {}

  /**
   * Runs `work` as `owner`, the console's one driver meanwhile. `by`: the drive the caller holds
   * already (a measurement resetting its machines): the work runs inside it.
   */
  async drive<T>(
    owner: Driver,
    work: (drive: Drive) => Promise<T>,
    options: { timeoutMs?: number; by?: Drive } = {},
  ): Promise<T> {
    if (options.by && options.by === this.#drive) return work(options.by);
    if (this.driver) throw new DriveRefused(this.machineName(), this.driver);
    const abort = new AbortController();
    const drive: Drive = { owner, signal: abort.signal };
    this.#drive = drive;
    this.driver = owner;
    const release = this.console.hold(owner);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const limit =
        options.timeoutMs === undefined
          ? null
          : new Promise<never>((_, reject) => {
              timer = setTimeout(() => {
                abort.abort();
                const seconds = Math.round(options.timeoutMs! / 1000);
                reject(new DriveTimeout(this.machineName(), owner, seconds));
              }, options.timeoutMs);
            });
      const done = work(drive);
      return await (limit ? Promise.race([done, limit]) : done);
    } finally {
      clearTimeout(timer);
      this.#drive = null;
      this.driver = null;
      release();
    }
  }

  /** True when `by` is the drive under way (an operation called from inside it). */
  holds(by: Drive | undefined): boolean {
    return by !== undefined && by === this.#drive;
  }
}

/**
 * Drives every machine of `seats` at once (a lab snapshot's restore, a measurement between
 * two machines): all or none. A refusal lets go of the seats taken so far.
 */
export async function driveAll<T>(
  seats: readonly DriverSeat[],
  owner: Driver,
  work: (drives: Drive[]) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const drives: Drive[] = [];
  const take = async (i: number): Promise<T> => {
    if (i === seats.length) return work(drives);
    return seats[i]!.drive(
      owner,
      (drive) => {
        drives.push(drive);
        return take(i + 1);
      },
      options,
    );
  };
  return take(0);
}
