// Our .gz files may reach the page still gzipped, or already decoded by a web server that labels
// .gz files "Content-Encoding: gzip" (Apache and Vite's preview do). Look at the bytes, not the name.

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The stream's bytes, gunzipped on the way if (and only if) they start as gzip. */
export async function gunzipIfGzipped(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
  const reader = body.getReader();
  const first = await reader.read();
  const rest = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(first.value);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return !first.done && isGzip(first.value)
    ? rest.pipeThrough(new DecompressionStream('gzip'))
    : rest;
}
