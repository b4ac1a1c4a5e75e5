import { describe, expect, it } from 'vitest';
import { en, es, type MessageKey } from './messages';
import { format, pickLocale, placeholders, translate } from './translate';

describe('pickLocale', () => {
  it('prefers ?lang= over everything', () => {
    expect(pickLocale('es', 'en', ['en-US'])).toBe('es');
    expect(pickLocale('en', 'es', ['es-ES'])).toBe('en');
  });
  it('ignores an unknown ?lang= and falls back to the saved choice', () => {
    expect(pickLocale('fr', 'es', ['en-US'])).toBe('es');
  });
  it('uses the first supported browser language', () => {
    expect(pickLocale(null, null, ['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(pickLocale(null, null, ['EN-gb'])).toBe('en');
  });
  it('falls back to English', () => {
    expect(pickLocale(null, null, ['de', 'fr'])).toBe('en');
    expect(pickLocale(null, null, [])).toBe('en');
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
  it('writes numbers as the language does', () => {
    expect(format('{ratio}×', { ratio: 5.5 }, undefined, 'es')).toBe('5,5×');
    expect(format('{ratio}×', { ratio: 5.5 }, undefined, 'en')).toBe('5.5×');
    expect(format('{n}', { n: 123456 }, undefined, 'en')).toBe('123,456');
    expect(format('{port}', { port: '5001' }, undefined, 'en')).toBe('5001'); // a label, as given
  });
  it('picks a plural by the number', () => {
    const ports = '{count, plural, one {# puerto} other {# puertos}} en {name}';
    expect(format(ports, { count: 1, name: 'LAN-A' }, undefined, 'es')).toBe('1 puerto en LAN-A');
    expect(format(ports, { count: 3, name: 'LAN-A' }, undefined, 'es')).toBe('3 puertos en LAN-A');
    expect(format(ports, { count: 1.5, name: 'x' }, undefined, 'es')).toBe('1,5 puertos en x');
    expect(placeholders(ports)).toEqual(['count', 'name']);
  });
  it('translates with parameters', () => {
    expect(translate('es', 'status.loadingFile', { file: 'bzImage', percent: 40 })).toBe(
      'Descargando bzImage: 40 %',
    );
  });
});

describe('catalogs', () => {
  const keys = Object.keys(en) as MessageKey[];
  it('have the same keys in both languages', () => {
    expect(Object.keys(es).sort()).toEqual([...keys].sort());
  });
  it.each(keys)('%s has the same placeholders in both languages and no empty text', (key) => {
    expect(placeholders(es[key])).toEqual(placeholders(en[key]));
    expect(es[key].trim()).not.toBe('');
  });
  it('translates the control labels into Spanish', () => {
    expect(es['controls.start']).not.toBe(en['controls.start']);
    expect(es['controls.pause']).not.toBe(en['controls.pause']);
  });
});
