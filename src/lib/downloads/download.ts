// The lab's one way to hand the user a file: a Blob behind a link the page clicks. The Blob's
// bytes stay with the browser (on disk when large), not in the page's heap.

/**
 * A name any system can save under, made from a name that may come from a guest: no path
 * separators, reserved or control characters, no reading-order overrides, no dots or spaces at
 * the ends, at most 200 characters. Only the saved file's name is changed, never what it names.
 */
export function downloadName(name: string, fallback = 'file'): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are what it replaces
    .replace(/[\u0000-\u001F\u007F-\u009F/\\:*?"<>|]/g, '_')
    .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const cut = Array.from(cleaned).slice(0, 200).join('');
  return cut === '' ? fallback : cut;
}

/** Saves `blob` as a file named `name` (cleaned by downloadName). */
export function saveBlob(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = downloadName(name);
  link.click();
  // The browser has read the URL once the download starts; a minute is ample on a slow disk.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
