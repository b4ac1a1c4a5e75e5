import { describe, expect, it } from 'vitest';
import { ConsoleInput, MAX_HELD_CHARS, type InputState } from './consoleInput';

function setup() {
  const sent: string[] = [];
  const states: InputState[] = [];
  const input = new ConsoleInput(
    (data) => sent.push(data),
    (state) => states.push(state),
  );
  return { input, sent, states };
}

describe('ConsoleInput', () => {
  it('sends typing straight on while nothing owns the console', () => {
    const { input, sent } = setup();
    input.type('ls\r');
    expect(sent).toEqual(['ls\r']);
  });

  it('holds typing during a restore and delivers it whole, in one write, afterwards', () => {
    const { input, sent, states } = setup();
    const release = input.claim('restore');
    for (const key of 'echo $((1000+234))\r') input.type(key);
    expect(sent).toEqual([]);
    expect(states.at(-1)).toEqual({ kind: 'held', owner: 'restore', chars: 19 });
    release();
    expect(sent).toEqual(['echo $((1000+234))\r']);
    expect(input.state()).toEqual({ kind: 'free' });
  });

  it('waits for the last of several owners (a reset during a pause)', () => {
    const { input, sent } = setup();
    const pause = input.claim('pause');
    const reset = input.claim('reset');
    input.type('a');
    pause();
    expect(sent).toEqual([]);
    reset();
    expect(sent).toEqual(['a']);
    reset(); // a second call does nothing
    expect(sent).toEqual(['a']);
  });

  it('drops the terminal answers meant for the machine before a restore', () => {
    const { input, sent } = setup();
    const release = input.claim('restore');
    input.type('\x1b[5;1R');
    input.type('\x1b[A'); // an arrow key is typing
    release();
    expect(sent).toEqual(['\x1b[A']);
  });

  it('holds a bounded amount, and says what it refused beyond it', () => {
    const { input, sent } = setup();
    const release = input.claim('pause');
    input.type('x'.repeat(MAX_HELD_CHARS));
    input.type('more');
    expect(input.state()).toEqual({ kind: 'refused', owner: 'pause', dropped: 4 });
    release();
    expect(sent).toEqual(['x'.repeat(MAX_HELD_CHARS)]);
  });

  it('discard() drops what waited for a machine that will not come, and returns it', () => {
    const { input, sent } = setup();
    const release = input.claim('boot');
    input.type('ls');
    input.type('\r');
    expect(input.discard()).toBe('ls\r');
    expect(input.discard()).toBe('');
    release();
    expect(sent).toEqual([]);
  });
});
