import { describe, expect, it } from 'vitest';
import type { ScreenFrame } from '../../common/screen/frames';
import { ScreenCapture } from './ScreenCapture';

/** v86's stand-in screen adapter: the capture replaces its methods. */
function standIn() {
  const nothing = () => {};
  return {
    put_char: nothing,
    set_mode: nothing,
    set_size_text: nothing,
    set_size_graphical: nothing,
    update_cursor: nothing,
    update_cursor_scanline: nothing,
    update_buffer: nothing,
    clear_screen: nothing,
  } as ConstructorParameters<typeof ScreenCapture>[0];
}

describe('ScreenCapture', () => {
  it('sends the text screen when it changed, at most once an interval, between slices too', () => {
    const adapter = standIn();
    const sent: ScreenFrame[] = [];
    let now = 0;
    const capture = new ScreenCapture(
      adapter,
      () => undefined,
      (f) => sent.push(f),
      20,
      () => now,
    );
    try {
      adapter.set_size_text(80, 25);
      adapter.put_char(0, 0, 0x41, 0, 0, 0xaaaaaa);
      now = 5;
      capture.tickIfDue(); // 5 ms after the start: not yet
      expect(sent).toHaveLength(0);
      now = 25;
      capture.tickIfDue();
      expect(sent).toHaveLength(1);
      const frame = sent[0]!;
      expect(frame.mode === 'text' && frame.chars[0]).toBe(0x41);

      adapter.put_char(0, 1, 0x42, 0, 0, 0xaaaaaa);
      now = 30;
      capture.tickIfDue(); // 5 ms after the last: waits
      expect(sent).toHaveLength(1);
      now = 45;
      capture.tickIfDue();
      expect(sent).toHaveLength(2);
      now = 70;
      capture.tickIfDue(); // nothing changed: nothing sent
      expect(sent).toHaveLength(2);
    } finally {
      capture.dispose();
    }
  });
});
