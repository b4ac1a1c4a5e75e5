// The reactive UI language: chosen at start-up, switchable, remembered, reflected in ?lang=.
import { Emitter } from '../../common/events/emitter';
import type { MessageKey } from './messages';
import type { Notice } from '../notices/notice';
import { isLocale, pickLocale, translate, type Locale, type Params } from './translate';

const STORAGE_KEY = 'aula86.lang';

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: the choice just is not remembered
  }
}

class LocaleState {
  current = $state<Locale>('en');
  /** `changed`: the reader switched language. */
  readonly events = new Emitter<{ changed: Locale }>();

  constructor() {
    if (typeof window === 'undefined') return;
    const query = new URL(window.location.href).searchParams.get('lang');
    this.current = pickLocale(query, readSaved(), navigator.languages ?? [navigator.language]);
    document.documentElement.lang = this.current;
  }

  set(locale: Locale): void {
    if (!isLocale(locale)) return;
    const changed = locale !== this.current;
    this.current = locale;
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // not remembered; the page still switches
    }
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', locale);
      history.replaceState(history.state, '', url);
    }
    if (changed) this.events.emit('changed', locale);
  }
}

export const locale = new LocaleState();

/** Translates in the current language; reading it inside markup makes the text follow switches. */
export function t(key: MessageKey, params?: Params): string {
  return translate(locale.current, key, params);
}

/** A notice in words: its message, with its reasons (if any) joined into {reasons}. */
export function say(notice: Notice): string {
  const reasons = (notice.reasons ?? []).map((r) => t(r.key, r.params)).join('; ');
  return t(notice.key, { ...notice.params, reasons });
}
