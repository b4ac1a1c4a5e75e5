// Builds the serial console terminal: xterm.js on its DOM renderer (the text stays in the page
// for screen readers and tests), sized to its container, wired to the machine.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SerialAddon, type SerialPort } from './SerialAddon';
import { installClipboardKeys } from './clipboard';
import { linkHandler } from './links';
import { followOutput } from './followOutput';

export interface ConsoleTerminal {
  terminal: Terminal;
  /** Changes the text size; the terminal refits and the guest is told its new size. */
  setFontSize(px: number): void;
  dispose(): void;
}

const FONT_FAMILY = '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace';

/**
 * Lays out a hidden bold character in the terminal's font. The first bold glyph makes the browser
 * fetch the bold face, which held the page's thread for ~0.25 s (measured in Chromium on the test
 * machine, the thread idle meanwhile): paid here, while the guest boots, and not when its
 * coloured prompt is drawn.
 */
function loadBoldFace(container: HTMLElement, fontSize: number): void {
  const probe = document.createElement('span');
  probe.textContent = 'W';
  probe.setAttribute('aria-hidden', 'true');
  Object.assign(probe.style, {
    position: 'absolute',
    visibility: 'hidden',
    fontFamily: FONT_FAMILY,
    fontSize: `${fontSize}px`,
    fontWeight: 'bold',
  });
  container.append(probe);
  void probe.offsetWidth;
  probe.remove();
}

export function createTerminal(
  container: HTMLElement,
  port: SerialPort,
  fontSize = 15,
  /** Whether a link the guest prints may open, asked at each click (not in kiosk mode). */
  linksAllowed: () => boolean = () => true,
  /** Take the keyboard now (the machine on screen; not one in a hidden tab). */
  focus = true,
): ConsoleTerminal {
  const terminal = new Terminal({
    // A blinking cursor re-renders the DOM twice a second and measurably slowed the guest's
    // boot (~200 ms of 2 s, npm run bench); a steady block is as visible.
    cursorBlink: false,
    fontFamily: FONT_FAMILY,
    fontSize,
    scrollback: 5000,
    theme: { background: '#101418', foreground: '#e6e6e6', cursor: '#7fd1b9' },
    linkHandler: linkHandler(linksAllowed),
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(container);
  loadBoldFace(container, fontSize);
  if (container.clientWidth > 0) fit.fit();
  // After the first fit, so the guest is told the real size, not xterm's default 80x24.
  terminal.loadAddon(new SerialAddon(port));
  installClipboardKeys(terminal);
  const following = followOutput(terminal, container);
  if (focus) terminal.focus();

  let frame = 0;
  const observer = new ResizeObserver(([entry]) => {
    cancelAnimationFrame(frame);
    // A hidden terminal (its machine's tab not selected) has no size: it keeps the one it had,
    // rather than telling its guest it is two columns wide.
    if (!entry || entry.contentRect.width === 0 || entry.contentRect.height === 0) return;
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
      following.dispose();
      terminal.dispose(); // also disposes the addons
    },
  };
}
