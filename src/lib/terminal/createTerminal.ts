// Builds the serial console terminal: xterm.js on its DOM renderer (the text stays in the page
// for screen readers and tests), sized to its container, wired to the machine.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SerialAddon, type SerialPort } from './SerialAddon';
import { installClipboardKeys } from './clipboard';

export interface SerialConsole {
  terminal: Terminal;
  /** Changes the text size; the terminal refits and the guest is told its new size. */
  setFontSize(px: number): void;
  dispose(): void;
}

export function createTerminal(
  container: HTMLElement,
  port: SerialPort,
  fontSize = 15,
): SerialConsole {
  const terminal = new Terminal({
    // A blinking cursor re-renders the DOM twice a second and measurably slowed the guest's
    // boot (~200 ms of 2 s, npm run bench); a steady block is as visible.
    cursorBlink: false,
    fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace',
    fontSize,
    scrollback: 5000,
    theme: { background: '#101418', foreground: '#e6e6e6', cursor: '#7fd1b9' },
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(container);
  fit.fit();
  // After the first fit, so the guest is told the real size, not xterm's default 80x24.
  terminal.loadAddon(new SerialAddon(port));
  installClipboardKeys(terminal);
  terminal.focus();

  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => fit.fit());
  });
  observer.observe(container);
  return {
    terminal,
    setFontSize(px) {
      if (terminal.options.fontSize === px) return;
      terminal.options.fontSize = px;
      fit.fit();
    },
    dispose() {
      cancelAnimationFrame(frame);
      observer.disconnect();
      terminal.dispose(); // also disposes the addons
    },
  };
}
