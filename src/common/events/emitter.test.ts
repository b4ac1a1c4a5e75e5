import { describe, expect, it, vi } from 'vitest';
import { DisposableStore, Emitter } from './emitter';

interface TestEvents {
  output: string;
  status: 'a' | 'b';
}

describe('Emitter', () => {
  it('delivers payloads to listeners of that type only', () => {
    const emitter = new Emitter<TestEvents>();
    const output = vi.fn();
    const status = vi.fn();
    emitter.on('output', output);
    emitter.on('status', status);
    emitter.emit('output', 'hi');
    expect(output).toHaveBeenCalledWith('hi');
    expect(status).not.toHaveBeenCalled();
  });

  it('stops delivering after the returned unsubscribe runs', () => {
    const emitter = new Emitter<TestEvents>();
    const listener = vi.fn();
    const off = emitter.on('output', listener);
    off();
    emitter.emit('output', 'x');
    expect(listener).not.toHaveBeenCalled();
  });

  it('lets a listener unsubscribe itself while being called', () => {
    const emitter = new Emitter<TestEvents>();
    const second = vi.fn();
    const off = emitter.on('output', () => off());
    emitter.on('output', second);
    emitter.emit('output', 'x');
    emitter.emit('output', 'y');
    expect(second).toHaveBeenCalledTimes(2);
  });
});

describe('DisposableStore', () => {
  it('runs every undo once, newest first', () => {
    const order: number[] = [];
    const store = new DisposableStore();
    store.add(() => order.push(1));
    store.add({ dispose: () => order.push(2) });
    store.dispose();
    store.dispose();
    expect(order).toEqual([2, 1]);
  });
});
