// Whether a host takes a machine offered to it, decided before a single page is sent. Pure.
import type { HostInfo, Offer, Refusal } from './hostMessages';

export interface Receiver {
  self: HostInfo;
  /** A migration is under way here already. */
  busy: boolean;
  /** Why this lab cannot run the guest offered: its profile unknown, or its memory not a size
   * it offers or not fitting; null if it can. */
  guest: 'profile' | 'memory' | null;
}

export function refusalOf(offer: Offer, receiver: Receiver): Refusal | null {
  if (receiver.self.closed) return 'closed';
  if (offer.version !== receiver.self.version) return 'version';
  if (receiver.busy) return 'busy';
  return receiver.guest;
}

/** The source's own checks of a target it sees, before it offers anything. */
export function targetRefusal(source: HostInfo, target: HostInfo | null): Refusal | null {
  if (!target) return 'failed';
  if (source.closed || target.closed) return 'closed';
  if (source.version !== target.version) return 'version';
  return null;
}

/** Why a machine cannot be moved from here, or null: it must be running, and a guest of the
 * user's own image does not move (its disk overlay and reads in flight are not carried). */
export function unmovable(machine: {
  status: string;
  profile: { user?: unknown } | null;
}): 'notRunning' | 'ownImage' | null {
  if (machine.profile?.user) return 'ownImage';
  return machine.status === 'running' && machine.profile ? null : 'notRunning';
}
