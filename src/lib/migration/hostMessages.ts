// What the lab's tabs (its hosts) say to each other on the 'aula86-hosts' channel to find one
// another and agree on a migration: read as hostile input (any page of the origin can post
// there), every field bounded. The pages themselves go between the two emulators on a channel
// of their own (common/migration). Pure.
import * as v from 'valibot';
import type { MigrationReport } from '../../common/migration/precopy';

export const HOSTS_CHANNEL = 'aula86-hosts';
/** A host that said nothing for this long is gone (it says "here" every few seconds). */
export const HOST_TTL_MS = 10_000;
export const HEARTBEAT_MS = 3_000;
/** The console output that travels with a machine, bytes of text at most. */
export const MAX_SCREEN_CHARS = 64 * 1024;
/** The student's typing held during the migration, at most (as the console holds it). */
export const MAX_HELD_CHARS = 16 * 1024;

export const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/));
export const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 40));
const Ms = v.pipe(v.number(), v.minValue(-1e6), v.maxValue(1e7));

export const HostInfoSchema = v.strictObject({
  id: Id,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  /** The app and v86 it runs: a migration goes only between equal ones. */
  version: Text(120),
  /** A kiosk host that neither sends nor accepts migrations. */
  closed: v.boolean(),
});
export type HostInfo = v.InferOutput<typeof HostInfoSchema>;

/** What travels with the guest besides its memory: how the target lab shows and wires it. */
const ArrivingMachine = v.strictObject({
  name: Text(40),
  profileId: Text(120),
  memoryBytes: Count,
  mac: v.pipe(v.string(), v.regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/)),
  /** The LAN its cable is in (the target plugs it into the one of that name, if it has one). */
  lan: v.nullable(Text(40)),
  address: v.nullable(Text(40)),
});
export type ArrivingMachine = v.InferOutput<typeof ArrivingMachine>;

export const REFUSALS = ['version', 'profile', 'memory', 'closed', 'busy', 'failed'] as const;
export type Refusal = (typeof REFUSALS)[number];

export const ReportSchema = v.strictObject({
  rounds: v.pipe(v.array(v.strictObject({ pages: Count, bytes: Count, ms: Ms })), v.maxLength(64)),
  stopReason: v.picklist(['small-enough', 'not-shrinking', 'round-limit', 'stop-and-copy']),
  final: v.strictObject({ pages: Count, bytes: Count, stateBytes: Count }),
  downtimeMs: Ms,
  totalMs: Ms,
  bytesSent: Count,
  memoryBytes: Count,
}) satisfies v.GenericSchema<unknown, MigrationReport>;

const Between = { id: Id, from: Id, to: Id };

export const HostMessageSchema = v.variant('kind', [
  /** A host opened: the others answer "here". */
  v.strictObject({ kind: v.literal('hello'), host: HostInfoSchema }),
  v.strictObject({ kind: v.literal('here'), host: HostInfoSchema }),
  v.strictObject({ kind: v.literal('bye'), id: Id }),
  /** Source → target: may this machine come? (`channel`: where its pages will go) */
  v.strictObject({
    kind: v.literal('offer'),
    ...Between,
    version: Text(120),
    live: v.boolean(),
    channel: v.pipe(v.string(), v.regex(/^aula86-migration:[A-Za-z0-9-]{8,64}$/)),
    machine: ArrivingMachine,
  }),
  /** Target → source: ready (a machine of the same profile waits, listening on the channel). */
  v.strictObject({ kind: v.literal('accept'), ...Between }),
  v.strictObject({ kind: v.literal('refuse'), ...Between, reason: v.picklist(REFUSALS) }),
  /** Source → target: the guest ran there; its terminal, held typing and figures follow it. */
  v.strictObject({
    kind: v.literal('finished'),
    ...Between,
    screen: Text(MAX_SCREEN_CHARS),
    held: Text(MAX_HELD_CHARS),
    report: ReportSchema,
  }),
  /** Either way: the migration stopped (the other end gave up, or failed). */
  v.strictObject({ kind: v.literal('failed'), ...Between, reason: Text(200) }),
]);
export type HostMessage = v.InferOutput<typeof HostMessageSchema>;
export type Offer = Extract<HostMessage, { kind: 'offer' }>;
export type Finished = Extract<HostMessage, { kind: 'finished' }>;

/** Messages a second a host acts on (a class of 30 tabs says "here" every 3 s), and a flood. */
export const HOST_LIMITS = { perSecond: 40, flood: 400 };

/** A host's letter by its tab's number: host A is the lab's first tab ("?" beyond Z). */
export function hostLetter(tab: number | null): string {
  return tab !== null && tab >= 1 && tab <= 26 ? String.fromCharCode(64 + tab) : '?';
}
