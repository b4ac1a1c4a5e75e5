// Work that can wait (storing the boot state's chunks, caching the lab for offline use) starts
// when the page has been quiet a while: never in the second after the shell prompt, when the
// user types the first command and two cores are all there is.

/** Resolves after `delayMs`, at the next moment the browser is idle (or `maxWaitMs` later). */
export function whenQuiet(delayMs = 3000, maxWaitMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(() => {
      if (typeof requestIdleCallback === 'function') {
        requestIdleCallback(() => resolve(), { timeout: maxWaitMs });
      } else resolve();
    }, delayMs);
  });
}
