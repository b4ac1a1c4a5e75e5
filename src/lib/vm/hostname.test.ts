import { describe, expect, it } from 'vitest';
import { promptHost, renamePrompt, toHostname } from './hostname';

describe('toHostname', () => {
  it('keeps a valid name and turns a typed one into a hostname', () => {
    expect(toHostname('pc2')).toBe('pc2');
    expect(toHostname('  Web Server ')).toBe('web-server');
    expect(toHostname('Router_1')).toBe('router-1');
    expect(toHostname('équipo')).toBe('quipo');
  });

  it('refuses names with nothing usable, and cuts long ones at 63', () => {
    expect(toHostname('')).toBeNull();
    expect(toHostname('---')).toBeNull();
    expect(toHostname('ñ')).toBeNull();
    expect(toHostname('a'.repeat(80))).toBe('a'.repeat(63));
  });
});

describe('renamePrompt', () => {
  it('renames the last prompt only', () => {
    const screen = 'root@pc1:~# hostname\r\npc1\r\n\x1b[1;32mroot@pc1\x1b[0m:~# \x1b[6n';
    expect(renamePrompt(screen, 'pc3')).toBe(
      'root@pc1:~# hostname\r\npc1\r\n\x1b[1;32mroot@pc3\x1b[0m:~# \x1b[6n',
    );
  });

  it('leaves a screen without a prompt as it is', () => {
    expect(renamePrompt('booting…', 'pc2')).toBe('booting…');
  });

  it('reads the hostname the last prompt shows', () => {
    expect(promptHost('root@pc1:~# ls\r\nroot@web-2\x1b[0m:~# ')).toBe('web-2');
    expect(promptHost('no prompt')).toBeNull();
  });
});
