import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import { coldBootCmdline, localizeWelcome } from './guestLanguage';

const init = readFileSync(new URL('../../../images/initramfs/init', import.meta.url), 'utf8');
const both =
  "aula86: Linux 6.1.176 (i686) is running inside v86. Type 'aula' for things to try / prueba 'aula'.";

describe('the guest welcome line', () => {
  it('is the one init prints, in each language', () => {
    for (const lang of ['en', 'es'] as const) {
      const line = translate(lang, 'guest.banner', { release: '$release', arch: '$arch' });
      expect(init).toContain(`echo "${line}"`);
    }
    expect(init).toContain(
      `echo "${both.replace('6.1.176', '$release').replace('i686', '$arch')}"`,
    );
  });

  it('a saved screen says it in the reader language, whatever language it was saved in', () => {
    const screen = `\r\n${both}\r\n\x1b[1;32mroot@pc1\x1b[0m:~# `;
    const es = localizeWelcome(screen, 'es');
    expect(es).toBe(
      "\r\naula86: Linux 6.1.176 (i686) se ejecuta dentro de v86. Escribe 'aula' para ver qué probar.\r\n\x1b[1;32mroot@pc1\x1b[0m:~# ",
    );
    const en = localizeWelcome(es, 'en');
    expect(en).toContain(
      "aula86: Linux 6.1.176 (i686) is running inside v86. Type 'aula' for things to try.\r\n",
    );
    expect(localizeWelcome(en, 'es')).toBe(es);
  });

  it('leaves a screen without it as it is', () => {
    const screen = 'echo aula86: Linux is great\r\nroot@pc1:~# ';
    expect(localizeWelcome(screen, 'es')).toBe(screen);
  });
});

describe('the kernel command line', () => {
  it('ends with the language, once, and lets the kernel speak (no quiet)', () => {
    expect(coldBootCmdline('console=ttyS0 quiet', 'es')).toBe('console=ttyS0 lang=es');
    expect(coldBootCmdline('console=ttyS0 lang=en quiet', 'es')).toBe('console=ttyS0 lang=es');
    expect(coldBootCmdline('lang=en', 'en')).toBe('lang=en');
  });
});
