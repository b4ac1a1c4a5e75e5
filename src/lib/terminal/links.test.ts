import { describe, expect, it } from 'vitest';
import { linkHandler, safeLinkTarget } from './links';

describe('safeLinkTarget', () => {
  it('keeps http and https addresses', () => {
    expect(safeLinkTarget('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(safeLinkTarget('http://10.0.2.2:8080')).toBe('http://10.0.2.2:8080/');
  });
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:http://127.0.0.1/abc',
    'chrome://settings',
    'https://bank.example@evil.example/',
    'not a url',
    '',
  ])('refuses %s', (text) => {
    expect(safeLinkTarget(text)).toBeNull();
  });
});

describe('linkHandler', () => {
  const click = { button: 0 } as MouseEvent;
  it('opens a safe link on a left click when allowed', () => {
    const opened: string[] = [];
    linkHandler(
      () => true,
      (url) => opened.push(url),
    ).activate(click, 'https://a.example/', {
      start: { x: 1, y: 1 },
      end: { x: 1, y: 1 },
    });
    expect(opened).toEqual(['https://a.example/']);
  });
  it('opens nothing when not allowed (kiosk), for a middle click, or for an unsafe link', () => {
    const opened: string[] = [];
    const range = { start: { x: 1, y: 1 }, end: { x: 1, y: 1 } };
    linkHandler(
      () => false,
      (url) => opened.push(url),
    ).activate(click, 'https://a.example/', range);
    linkHandler(
      () => true,
      (url) => opened.push(url),
    ).activate({ button: 1 } as MouseEvent, 'https://a.example/', range);
    linkHandler(
      () => true,
      (url) => opened.push(url),
    ).activate(click, 'javascript:alert(1)', range);
    expect(opened).toEqual([]);
  });
});
