import { describe, expect, it } from 'vitest';
import { stripEscapes } from './escapes';

const ESC = String.fromCharCode(27);

describe('stripEscapes', () => {
  it('removes colours, cursor queries, charset selection and two-byte escapes', () => {
    expect(stripEscapes(`${ESC}[1;32mroot${ESC}[0m# ${ESC}[6n${ESC}(B${ESC}7x`)).toBe('root# x');
  });
  it('leaves an escape cut off at the end of a chunk for the next chunk to complete', () => {
    expect(stripEscapes(`# ${ESC}[`)).toBe(`# ${ESC}[`);
  });
});
