// Pure lookup and language choice; the reactive locale lives in locale.svelte.ts.
import { en, es, type MessageKey, type Messages } from './messages';

export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** A parameter is a value, or another message (a name said in the reader's language). */
export type Params = Record<string, string | number | { key: MessageKey }>;

const catalogs: Record<Locale, Messages> = { en, es };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Fills {name} placeholders; an unknown placeholder stays visible so a missing value shows up. */
export function format(
  template: string,
  params: Params = {},
  lookup: (key: MessageKey) => string = (key) => key,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? lookup(value.key) : String(value);
  });
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return format(catalogs[locale][key], params, (named) => catalogs[locale][named]);
}

/**
 * The language to show: ?lang= first, then the user's last choice, then the browser's
 * preferred languages, then English.
 */
export function pickLocale(
  queryLang: string | null,
  savedLang: string | null,
  browserLangs: readonly string[],
): Locale {
  if (isLocale(queryLang)) return queryLang;
  if (isLocale(savedLang)) return savedLang;
  for (const tag of browserLangs) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
