// How much each switch port carried, as the network panels show it: read again when a switch's
// packet log redraws (at most ten times a second) or its ports change, so a component reading it
// redraws then, and no sooner. A port is busy when it carried frames since the reading before.
import { createSubscriber } from 'svelte/reactivity';
import { Emitter } from '../../common/events/emitter';
import type { SwitchPort } from './Switch';

export interface PortTraffic {
  inFrames: number;
  outFrames: number;
  /** It carried frames since the reading before. */
  busy: boolean;
}

export class TrafficMeter {
  // Replaced whole at each reading, which is what readers are told of (createSubscriber).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #readings = new Map<number, PortTraffic>();
  #events = new Emitter<{ read: null }>();
  readonly #watch = createSubscriber((update) => this.#events.on('read', update));

  constructor(private readonly ports: () => Iterable<SwitchPort>) {}

  /** Reads every port's counters again (a log redrew, a cable moved): readers redraw. */
  read(): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- see #readings
    const next = new Map<number, PortTraffic>();
    for (const port of this.ports()) {
      const { inFrames, outFrames } = port.counters;
      const before = this.#readings.get(port.id);
      const busy =
        before !== undefined && inFrames + outFrames > before.inFrames + before.outFrames;
      next.set(port.id, { inFrames, outFrames, busy });
    }
    this.#readings = next;
    this.#events.emit('read', null);
  }

  /** A port's traffic at the last reading. */
  of(port: SwitchPort): PortTraffic {
    this.#watch();
    return this.#readings.get(port.id) ?? { ...port.counters, busy: false };
  }

  /** Frames in and out over several ports (a router's trunk reaches several switches). */
  sum(ports: readonly SwitchPort[]): { inFrames: number; outFrames: number } {
    const each = ports.map((port) => this.of(port));
    return {
      inFrames: each.reduce((total, t) => total + t.inFrames, 0),
      outFrames: each.reduce((total, t) => total + t.outFrames, 0),
    };
  }

  dispose(): void {
    this.#events.clear();
  }
}
