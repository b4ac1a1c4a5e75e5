// A machine's name as the guest sees it (its hostname, in its prompt). Pure.

/** A hostname the guest's init accepts (see images/initramfs/init): a-z, 0-9 and '-', ≤ 63. */
export const HOSTNAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The name as a hostname (lower case, spaces to '-'), or null when nothing usable is left. */
export function toHostname(name: string): string | null {
  const host = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return HOSTNAME.test(host) ? host : null;
}

/**
 * The saved screen of a pre-booted state with its last prompt showing `name` instead of the
 * hostname it was saved with: a second machine's screen says pc2 from the first moment.
 */
export function renamePrompt(screen: string, name: string): string {
  const host = promptHost(screen);
  if (host === null) return screen;
  const at = screen.lastIndexOf('root@') + 5;
  return `${screen.slice(0, at)}${name}${screen.slice(at + host.length)}`;
}

/** The hostname the last prompt on `screen` shows, or null when it shows none. */
export function promptHost(screen: string): string | null {
  const at = screen.lastIndexOf('root@');
  return at < 0 ? null : (/^[a-z0-9-]+/.exec(screen.slice(at + 5))?.[0] ?? null);
}
