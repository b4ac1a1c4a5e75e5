// Copy and paste keys for the terminal: Ctrl+Shift+C / Ctrl+Shift+V as in Linux terminals,
// and Ctrl+C copies only while text is selected (otherwise it interrupts, as the shell expects).
import type { Terminal } from '@xterm/xterm';

export function installClipboardKeys(terminal: Terminal): void {
  terminal.attachCustomKeyEventHandler((event) => {
    if (event.type !== 'keydown' || !event.ctrlKey || event.altKey || event.metaKey) return true;
    const key = event.key.toLowerCase();
    if (key === 'c' && (event.shiftKey || terminal.hasSelection())) {
      const text = terminal.getSelection();
      if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
      if (!event.shiftKey) terminal.clearSelection();
      event.preventDefault();
      return false;
    }
    // Leave Ctrl+Shift+V to the browser, which fires a paste event xterm.js handles.
    if (key === 'v' && event.shiftKey) return false;
    return true;
  });
}
