// What a machine's power-on sequence (PowerSession) sees of the machine, and tells it: a narrow
// port (the parts it connects to each emulator, the machine's name and status, one callback),
// never the Machine itself.
import type { Notice } from '../notices/notice';
import type { DownloadProgress } from '../guest/catalog';
import type { GuestProfile } from '../guest/manifest';
import type { Emulator } from './EmulatorClient';
import type { MachineError } from './machineError';
import type { SerialConsole } from './SerialConsole.svelte';
import type { NetworkCard } from './NetworkCard.svelte';
import type { MachineScreen } from '../screen/MachineScreen.svelte';
import type { SharedFolder } from '../shared/SharedFolder.svelte';
import type { SpeedGauge } from '../metrics/SpeedGauge.svelte';
import type { GuestAgent } from '../agent/GuestAgent';

/** Where a machine can get an emulator made ready ahead (lab/SpareEmulator.ts). */
export interface SpareSource {
  take(profile: GuestProfile): Emulator | null;
}

/** How the running guest got to its prompt. */
export type StartedFrom = 'bootState' | 'coldBoot';

/** What the power-on sequence tells the machine. */
export type PowerNews =
  | { kind: 'poweredOn'; from: StartedFrom }
  /** The prompt is up (booted or resumed), `bootMs` after the power-on. */
  | { kind: 'ready'; bootMs: number }
  | { kind: 'failed'; error: MachineError }
  | { kind: 'progress'; progress: DownloadProgress | null }
  | { kind: 'note'; note: Notice }
  /** The guest restarted a PC resumed from a state, which has no BIOS: boot it from its images. */
  | { kind: 'rebooted' };

/** The machine, as the power-on sequence sees it. */
export interface PowerPort {
  readonly console: SerialConsole;
  readonly nic: NetworkCard;
  readonly screen: MachineScreen;
  readonly shared: SharedFolder;
  readonly speed: SpeedGauge;
  readonly agent: GuestAgent;
  name(): string;
  /** Booting or loading: a crash then is an error the user must see. */
  starting(): boolean;
  /** The guest runs (its uptime grows). */
  running(): boolean;
  report(news: PowerNews): void;
}
