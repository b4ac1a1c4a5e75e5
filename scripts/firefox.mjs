// Which Firefox the cross-browser lessons drive (over WebDriver BiDi, Playwright's "moz-firefox"
// channel: a stock Firefox, no patched build to download), in one place.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** FIREFOX_PATH wins; else Debian's firefox-esr (or a firefox) if there is one; else undefined. */
export function firefoxExecutable() {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  return CANDIDATES.find((path) => existsSync(path));
}
