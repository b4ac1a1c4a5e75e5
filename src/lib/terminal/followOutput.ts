// Keeps a terminal that follows the guest's output following it until the user scrolls up.
// xterm.js takes a scroll event that arrives after its rows changed (a refit while the guest
// prints, its pane hidden and shown) for the user scrolling up one line, and then stays where it
// is while the guest prints on: a ping's lines froze on screen. A scroll up that no gesture of
// the user's that scrolls (the wheel, a drag, a touch, Shift+PageUp and the like) just began is
// put back at the bottom.
import type { IDisposable, Terminal } from '@xterm/xterm';

/** How long after a gesture a scroll up is the user's, ms (a smooth scroll lasts ~125 ms). */
const GESTURE_MS = 1000;
const SCROLL_KEYS = /^(PageUp|PageDown|Home|End|ArrowUp|ArrowDown)$/;

/** Whether an input event is one that can scroll the terminal. */
function scrolls(event: Event): boolean {
  if (event.type === 'wheel' || event.type.startsWith('touch')) return true;
  if (event instanceof KeyboardEvent) return event.shiftKey && SCROLL_KEYS.test(event.key);
  if (event.type === 'pointermove') return (event as PointerEvent).buttons !== 0;
  // A press on the scrollbar's track jumps there.
  return event.target instanceof Element && event.target.closest('.scrollbar') !== null;
}

export function followOutput(terminal: Terminal, element: HTMLElement): IDisposable {
  let gestureAt = -Infinity;
  /** The user scrolled up and reads there: left alone until back at the bottom. */
  let reading = false;
  const gesture = (event: Event) => {
    if (scrolls(event)) gestureAt = performance.now();
  };
  const kinds = ['wheel', 'keydown', 'pointerdown', 'pointermove', 'touchstart', 'touchmove'];
  const options = { capture: true, passive: true };
  for (const kind of kinds) element.addEventListener(kind, gesture, options);
  const scrolled = terminal.onScroll(() => {
    const { viewportY, baseY } = terminal.buffer.active;
    if (viewportY >= baseY) reading = false;
    else if (!reading && performance.now() - gestureAt < GESTURE_MS) reading = true;
    else if (!reading) terminal.scrollToBottom();
  });
  return {
    dispose() {
      scrolled.dispose();
      for (const kind of kinds) element.removeEventListener(kind, gesture, options);
    },
  };
}
