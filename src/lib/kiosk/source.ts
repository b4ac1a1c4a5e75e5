// Where kiosk mode's settings come from, failing closed: only a clean "absent" (a 404, or a
// server's index.html fallback) means "no kiosk". A kiosk.json that is there but cannot be read
// or validated, a server error, or no answer at all means a locked kiosk with the reason.
import { messageOf } from '../../common/errors';
import { KioskConfigError, parseKioskConfig, type KioskConfig } from './config';
import { localTextMemory, type TextMemory } from '../storage/textMemory';

export type KioskSource =
  | { kind: 'absent' }
  | { kind: 'config'; config: KioskConfig }
  /** `fallback`: the last usable settings (their PIN still unlocks), if this browser has them. */
  | { kind: 'broken'; reason: string; fallback: KioskConfig | null };

/** The last answer that could be used, kept for a visit with no server (an offline kiosk). */
export type KioskMemory = TextMemory;

export const FETCH_LIMIT_MS = 3000;
/** kiosk.json is a few lines: anything larger is not one. */
const MAX_BYTES = 64 * 1024;

/** What one answer to a request for kiosk.json says, with the text it was read from. */
export async function classifyResponse(
  response: Response,
): Promise<{ source: KioskSource; text: string | null }> {
  const told = (source: KioskSource) => ({ source, text: null });
  if (response.status === 404 || response.status === 410) return told({ kind: 'absent' });
  if (!response.ok) {
    const reason = `the server answered HTTP ${response.status}`;
    return told({ kind: 'broken', reason, fallback: null });
  }
  // A server (or the service worker) answering every path with the app's page.
  const type = response.headers.get('content-type') ?? '';
  if (/^\s*text\/html/i.test(type)) return told({ kind: 'absent' });
  const tooLarge = {
    kind: 'broken',
    reason: `it is larger than ${MAX_BYTES} bytes`,
    fallback: null,
  } as const;
  if (Number(response.headers.get('content-length') ?? 0) > MAX_BYTES) return told(tooLarge);
  const text = await response.text();
  if (text.length > MAX_BYTES) return told(tooLarge);
  return { source: parseText(text), text };
}

function parseText(text: string): KioskSource {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'broken', reason: `it is not valid JSON (${messageOf(error)})`, fallback: null };
  }
  try {
    return { kind: 'config', config: parseKioskConfig(json) };
  } catch (error) {
    if (error instanceof KioskConfigError) {
      return { kind: 'broken', reason: error.message, fallback: null };
    }
    throw error;
  }
}

/**
 * Asks for kiosk.json (relative to the page). A usable answer is remembered; with no answer in
 * time the remembered one stands in (an offline kiosk keeps its settings), else it is broken.
 */
export async function readKioskSource(
  fetcher: typeof fetch,
  memory: KioskMemory,
  limitMs = FETCH_LIMIT_MS,
): Promise<KioskSource> {
  let source: KioskSource;
  let text: string | null;
  try {
    const response = await fetcher('kiosk.json', {
      cache: 'no-cache',
      signal: AbortSignal.timeout(limitMs),
    });
    ({ source, text } = await classifyResponse(response));
  } catch (error) {
    const remembered = recall(memory);
    if (remembered) return remembered;
    const why =
      error instanceof DOMException && error.name === 'TimeoutError'
        ? `no answer within ${limitMs / 1000} s`
        : messageOf(error);
    return { kind: 'broken', reason: `kiosk.json could not be fetched: ${why}`, fallback: null };
  }
  if (source.kind === 'absent') remember(memory, 'null');
  if (source.kind === 'config' && text !== null) remember(memory, text);
  if (source.kind === 'broken') {
    const remembered = recall(memory);
    if (remembered?.kind === 'config') return { ...source, fallback: remembered.config };
  }
  return source;
}

function remember(memory: KioskMemory, raw: string): void {
  try {
    memory.write(raw);
  } catch {
    // storage full or refused: the next offline visit fails closed, which is safe
  }
}

/** The remembered answer, checked like a fresh one (storage is not trusted either). */
function recall(memory: KioskMemory): KioskSource | null {
  let raw: string | null;
  try {
    raw = memory.read();
  } catch {
    return null;
  }
  if (raw === null) return null;
  if (raw === 'null') return { kind: 'absent' };
  const source = parseText(raw);
  return source.kind === 'broken' ? null : source;
}

/** The browser's localStorage as a KioskMemory. */
export function localKioskMemory(key = 'aula86:kiosk.json'): KioskMemory {
  return localTextMemory(key);
}
