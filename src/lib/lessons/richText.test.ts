import { describe, expect, it } from 'vitest';
import { richText, sameOrigin } from './richText';

describe('a lesson text', () => {
  it('splits paragraphs at blank lines and joins wrapped lines', () => {
    expect(richText('one\ntwo\n\n  three  ')).toEqual([
      [{ kind: 'text', text: 'one two' }],
      [{ kind: 'text', text: 'three' }],
    ]);
  });

  it('reads `code`, **bold** and same-origin links; HTML stays text', () => {
    expect(richText('Run `ls -l` **now**, see [tools](?tool=network) <b>x</b>')).toEqual([
      [
        { kind: 'text', text: 'Run ' },
        { kind: 'code', text: 'ls -l' },
        { kind: 'text', text: ' ' },
        { kind: 'strong', text: 'now' },
        { kind: 'text', text: ', see ' },
        { kind: 'link', text: 'tools', href: '?tool=network' },
        { kind: 'text', text: ' <b>x</b>' },
      ],
    ]);
  });

  it('never links to another origin or a script', () => {
    for (const href of ['https://evil.example/', '//evil.example', 'javascript:alert', '/\\evil']) {
      expect(sameOrigin(href)).toBe(false);
      expect(richText(`[here](${href})`)[0]).toEqual([{ kind: 'text', text: `here (${href})` }]);
    }
    expect(sameOrigin('/docs/lessons.md')).toBe(true);
  });
});
