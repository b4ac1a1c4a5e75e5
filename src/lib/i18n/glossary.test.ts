// The glossary (docs/glossary.md) holds: every message says each thing with the glossary's word,
// and no Spanish message is left in English.
import { readdirSync, readFileSync } from 'node:fs';
import { parseLesson } from '../lessons/format';
import { describe, expect, it } from 'vitest';
import { en, es, type MessageKey } from './messages';

const glossary = readFileSync(new URL('../../../docs/glossary.md', import.meta.url), 'utf8');

/** The glossary's rows: the words to avoid in each language. */
function avoided(): { es: string[]; en: string[] } {
  const rows = glossary
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1) // the header
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const words = (cell: string | undefined) =>
    (cell ?? '')
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean);
  return {
    es: rows.flatMap((r) => words(r[2])),
    en: rows.flatMap((r) => words(r[3])),
  };
}

/** Words that are the same in both languages (names, units, protocols). */
const SAME = new Set(
  `aula86 v86 linux mips tcp udp arp icmp dhcp ipv4 ipv6 jit x86 webassembly mb kb gb kib mib s ms b
  id mac ip ethertype seq ack len lan pcap iso ttl cpu ram bios initrd bzimage ne2000 virtio net
  virtio-net alt ctrl syn fin rst psh urg switch switches cable router paravirtual cd-rom kernel
  error english español`.split(/\s+/),
);

const keys = Object.keys(en) as MessageKey[];
const containsWord = (text: string, word: string) =>
  new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu').test(
    text,
  );

describe('the glossary', () => {
  const words = avoided();

  it('lists words to avoid in each language', () => {
    expect(words.es).toContain('fichero');
    expect(words.en.length).toBeGreaterThan(0);
  });

  it.each(keys)('%s uses the glossary’s words', (key) => {
    for (const word of words.es) expect(containsWord(es[key], word), `es: “${word}”`).toBe(false);
    for (const word of words.en) expect(containsWord(en[key], word), `en: “${word}”`).toBe(false);
  });

  it.each(keys)('%s is in Spanish (or has no words to translate)', (key) => {
    if (es[key] !== en[key]) return;
    const words = en[key]
      .replace(/\{\w+, plural,(?:\s*\w+\s*\{[^{}]*\})+\s*\}/g, ' ')
      .replace(/\{\w+\}/g, ' ')
      .split(/[^\p{L}\d-]+/u)
      .filter((w) => /\p{L}/u.test(w));
    const english = words.filter((w) => !SAME.has(w.toLowerCase()));
    expect(english, `“${en[key]}” is the same in Spanish`).toEqual([]);
  });

  const lessons = new URL('../../lessons/', import.meta.url);
  it.each(readdirSync(lessons).filter((f) => f.endsWith('.yaml')))(
    'the shipped lesson %s uses the glossary’s words',
    (file) => {
      const parsed = parseLesson(readFileSync(new URL(file, lessons), 'utf8'));
      if (!('lesson' in parsed)) throw new Error(file);
      const { title, summary, steps } = parsed.lesson;
      const texts = [title, summary, ...steps.flatMap((s) => [s.title, s.text, s.hint])];
      for (const text of texts) {
        if (!text) continue;
        for (const word of words.es)
          expect(containsWord(text.es, word), `es: “${word}”`).toBe(false);
        for (const word of words.en)
          expect(containsWord(text.en, word), `en: “${word}”`).toBe(false);
      }
    },
  );
});
