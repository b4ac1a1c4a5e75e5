// This tab as a host of the lab, and the other hosts it can see: each says "hello" when it
// opens, "here" every few seconds and "bye" when it closes; a host silent for HOST_TTL_MS is
// gone. The migrations' offers and answers travel on the same channel, addressed to one host.
import { Emitter } from '../../common/events/emitter';
import { TabChannel } from '../../common/tabs/TabChannel';
import { SchemaInbox } from '../tabs/schemaInbox';
import {
  HEARTBEAT_MS,
  HOST_LIMITS,
  HOST_TTL_MS,
  HOSTS_CHANNEL,
  HostMessageSchema,
  type HostInfo,
  type HostMessage,
} from './hostMessages';

/** A message for this host from another (offers, answers, reports). */
export type Addressed = Exclude<HostMessage, { kind: 'hello' | 'here' | 'bye' }>;

export interface HostsOptions {
  /** The app and v86 this tab runs. */
  version: string;
  /** This host's name until the user gives it one. */
  defaultName: () => string;
  /** Where the user's name for it is kept (this tab's session). */
  names?: Pick<Storage, 'getItem' | 'setItem'> | null;
  now?: () => number;
  /** The hosts' channel (unit tests running side by side each take their own). */
  channel?: string;
}

const NAME_KEY = 'aula86-host-name';

export class Hosts {
  /** This host as the others see it. */
  self = $state.raw<HostInfo>({ id: '', name: '', version: '', closed: false });
  /** The other hosts it can see, by name. */
  others = $state.raw<HostInfo[]>([]);
  /** A message for this host; a host that left (said bye, or went silent). */
  readonly events = new Emitter<{ message: Addressed; left: string }>();

  // Plain bookkeeping, not UI state.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #heard = new Map<string, { host: HostInfo; at: number }>();
  readonly #options: HostsOptions;
  #channel: TabChannel<HostMessage> | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #named = false;
  #closed: () => boolean = () => false;

  constructor(options: HostsOptions) {
    this.#options = options;
    const saved = options.names?.getItem(NAME_KEY) ?? null;
    this.#named = saved !== null;
    this.self = {
      id: crypto.randomUUID(),
      name: saved ?? options.defaultName(),
      version: options.version,
      closed: false,
    };
  }

  /** Joins the other hosts (`closed`: true while it takes part in no migration, as a kiosk). */
  start(closed: () => boolean): void {
    if (this.#channel) return;
    this.#closed = closed;
    const inbox = new SchemaInbox(HostMessageSchema, HOST_LIMITS);
    const name = this.#options.channel ?? HOSTS_CHANNEL;
    this.#channel = new TabChannel(name, inbox, (m) => this.#receive(m));
    this.#post({ kind: 'hello', host: this.info });
    this.#timer = setInterval(() => {
      this.#post({ kind: 'here', host: this.info });
      this.#forgetSilent();
    }, HEARTBEAT_MS);
    // A tab that closes or reloads says so: the others drop it at once, not 10 s later.
    globalThis.addEventListener?.('pagehide', this.#goodbye);
  }

  readonly #goodbye = () => this.#post({ kind: 'bye', id: this.self.id });

  /** The user names this host (kept for this tab); the others hear it at once. */
  rename(name: string): boolean {
    const clean = name.trim().slice(0, 40);
    if (!clean) return false;
    this.#named = true;
    this.self = { ...this.self, name: clean };
    this.#options.names?.setItem(NAME_KEY, clean);
    this.#post({ kind: 'here', host: this.info });
    return true;
  }

  /** The default name again in the page's new language, unless the user chose one. */
  relabel(): void {
    if (!this.#named) this.self = { ...this.self, name: this.#options.defaultName() };
  }

  /** This host now (whether it is closed to migrations may have changed since it last said). */
  get info(): HostInfo {
    const closed = this.#closed();
    if (closed !== this.self.closed) this.self = { ...this.self, closed };
    return this.self;
  }

  host(id: string): HostInfo | null {
    return this.others.find((h) => h.id === id) ?? null;
  }

  /** Sends a message to another host (offers and answers). */
  send(message: Addressed): void {
    this.#post(message);
  }

  dispose(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    globalThis.removeEventListener?.('pagehide', this.#goodbye);
    this.#goodbye();
    this.#channel?.close();
    this.#channel = null;
    this.events.clear();
  }

  #post(message: HostMessage): void {
    this.#channel?.post(message);
  }

  #receive(message: HostMessage): void {
    const now = (this.#options.now ?? Date.now)();
    switch (message.kind) {
      case 'hello':
      case 'here':
        if (message.host.id === this.self.id) return;
        this.#heard.set(message.host.id, { host: message.host, at: now });
        if (message.kind === 'hello') this.#post({ kind: 'here', host: this.info });
        return this.#list();
      case 'bye':
        if (this.#heard.delete(message.id)) this.events.emit('left', message.id);
        return this.#list();
      default:
        if (message.to === this.self.id) this.events.emit('message', message);
    }
  }

  #forgetSilent(): void {
    const now = (this.#options.now ?? Date.now)();
    const before = this.#heard.size;
    for (const [id, { at }] of this.#heard) {
      if (now - at <= HOST_TTL_MS) continue;
      this.#heard.delete(id);
      this.events.emit('left', id);
    }
    if (this.#heard.size !== before) this.#list();
  }

  #list(): void {
    this.others = [...this.#heard.values()]
      .map((h) => h.host)
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
