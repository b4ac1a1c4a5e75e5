// The language of the lab's own guest (its welcome line, `aula`): told on the kernel command line
// at a cold boot and on the control port after (images/initramfs/init). Pure.
import { translate, type Locale } from '../i18n/translate';

export type GuestLanguage = Locale;

/** The guest's welcome line in any of its languages (init prints one: en, es, or both). */
const WELCOME =
  /aula86: Linux (\S+) \((\S+)\) (?:is running inside v86|se ejecuta dentro de v86)\.[^\r\n]*/g;

/** `screen` (a saved guest's output) with its welcome lines in `language`. */
export function localizeWelcome(screen: string, language: GuestLanguage): string {
  return screen.replace(WELCOME, (_line, release: string, arch: string) =>
    translate(language, 'guest.banner', { release, arch }),
  );
}

/** A lab guest's kernel command line for a cold boot: it tells its init the language, and
 * without `quiet` the kernel's messages show from the first (the boot is the lesson; it costs
 * under 0.1 s). The pre-booted states are made quiet, so an instant start shows the prompt only. */
export function coldBootCmdline(cmdline: string, language: GuestLanguage): string {
  const rest = cmdline
    .split(' ')
    .filter((arg) => arg !== '' && arg !== 'quiet' && !arg.startsWith('lang='));
  return [...rest, `lang=${language}`].join(' ');
}
