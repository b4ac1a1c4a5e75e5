// Links the guest prints (OSC 8 hyperlinks): a way out of the page. They open only http(s)
// addresses, only on the user's click, in a new tab with no handle back to the lab
// (noopener), and never in kiosk mode.
import type { ILinkHandler } from '@xterm/xterm';

/** The address to open for a link's text, or null when it is not a plain http(s) URL. */
export function safeLinkTarget(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null; // "https://bank.example@evil.example/"
  return url.href;
}

/** xterm's handler for OSC 8 links; `allowed` is asked at each click (kiosk mode says no). */
export function linkHandler(
  allowed: () => boolean,
  open: (url: string) => void = (url) => void window.open(url, '_blank', 'noopener,noreferrer'),
): ILinkHandler {
  return {
    activate(event, text) {
      if (!allowed() || event.button !== 0) return;
      const url = safeLinkTarget(text);
      if (url) open(url);
    },
    allowNonHttpProtocols: false,
  };
}
