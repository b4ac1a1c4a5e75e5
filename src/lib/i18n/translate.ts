// Pure lookup and language choice; the reactive locale lives in locale.svelte.ts.
import { en, es, type MessageKey, type Messages } from './messages';
import { formatNumber } from './format';

export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** A parameter is a value, or another message (a name said in the reader's language). */
export type Params = Record<string, string | number | { key: MessageKey }>;

const catalogs: Record<Locale, Messages> = { en, es };

/** Whether the catalogues have a message `key` (for keys made from data, e.g. a guest's id). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Fills {name} placeholders; an unknown placeholder stays visible so a missing value shows up.
 * A number is written as `locale` writes numbers ("5.5" / "5,5"); a plural picks its words by
 * the number: `{count, plural, one {# port} other {# ports}}` ("#" is the number).
 */
export function format(
  template: string,
  params: Params = {},
  lookup: (key: MessageKey) => string = (key) => key,
  locale: Locale = 'en',
): string {
  const written = (value: string | number) =>
    typeof value === 'number' ? formatNumber(value, locale, 2) : value;
  return template
    .replace(PLURAL, (whole, name: string, forms: string) => {
      const value = params[name];
      if (typeof value !== 'number') return whole;
      const options = new Map<string, string>();
      for (const m of forms.matchAll(/(\w+)\s*\{([^{}]*)\}/g)) options.set(m[1] ?? '', m[2] ?? '');
      const form = options.get(pluralRules(locale).select(value)) ?? options.get('other') ?? '';
      return form.replace(/#/g, written(value));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'object' ? lookup(value.key) : written(value);
    });
}

const PLURAL = /\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;
const plurals = new Map<Locale, Intl.PluralRules>();
function pluralRules(locale: Locale): Intl.PluralRules {
  let rules = plurals.get(locale);
  if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return format(catalogs[locale][key], params, (named) => catalogs[locale][named], locale);
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

/** The parameters a message uses (a plural's counts among them), sorted. */
export function placeholders(template: string): string[] {
  const plural = [...template.matchAll(PLURAL)].map((m) => m[1] ?? '');
  const plain = [...template.replace(PLURAL, '').matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  return [...new Set([...plural, ...plain])].sort();
}
