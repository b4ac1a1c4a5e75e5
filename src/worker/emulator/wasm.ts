// Compiles v86's WebAssembly ourselves, so a missing or broken file becomes an error we can show
// (v86's own loader waits forever on a 404). A gzipped file is gunzipped while it streams in.
import { messageOf } from '../../common/errors';
import { gunzipIfGzipped } from '../../common/bytes/gzip';

export class WasmLoadError extends Error {
  override name = 'WasmLoadError';
}

export async function compileEmulatorWasm(url: string): Promise<WebAssembly.Module> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new WasmLoadError(messageOf(error));
  }
  if (!response.ok || !response.body) throw new WasmLoadError(`HTTP ${response.status}`);
  try {
    const body = await gunzipIfGzipped(response.body);
    // compileStreaming compiles while bytes arrive; it needs the application/wasm type.
    return await WebAssembly.compileStreaming(
      new Response(body, { headers: { 'content-type': 'application/wasm' } }),
    );
  } catch (error) {
    throw new WasmLoadError(messageOf(error));
  }
}
