// What the lab's address asked for that needs saying or checking: the parameters it did not
// understand (a notice), and the guest it names, once known to exist in this browser.
import { problem, type Notice } from '../notices/notice';
import type { LabParams } from './params';

/** A notice naming the parameters not understood (their safe readings are used), or null. */
export function paramsNotice(problems: LabParams['problems']): Notice | null {
  if (problems.length === 0) return null;
  const params = problems.map(({ name, value }) => `${name}=${value}`).join(', ');
  return problem('lab.error.params', { params });
}

/**
 * The guest `id` if this lab has it (the user's guests listed first, by `loadUserGuests`, when
 * it is one), else undefined (the default guest) with a notice saying so.
 */
export async function askedGuest(
  id: string,
  guests: { hasProfile(id: string): Promise<boolean> },
  loadUserGuests: () => Promise<void>,
): Promise<{ id: string | undefined; notice: Notice | null }> {
  if (id.startsWith('user-')) await loadUserGuests().catch(() => undefined);
  if (await guests.hasProfile(id).catch(() => true)) return { id, notice: null };
  return { id: undefined, notice: problem('lab.error.noSuchGuest', { id }) };
}
