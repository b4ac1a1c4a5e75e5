// Compiles v86's WebAssembly ourselves, so a missing or broken file becomes an error we can show
// (v86's own loader waits forever on a 404).

export class WasmLoadError extends Error {
  override name = 'WasmLoadError';
}

export async function compileEmulatorWasm(url: string): Promise<WebAssembly.Module> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new WasmLoadError(error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw new WasmLoadError(`HTTP ${response.status}`);
  try {
    // Streaming compiles while downloading, but needs the application/wasm type.
    if (response.headers.get('content-type')?.startsWith('application/wasm')) {
      return await WebAssembly.compileStreaming(response);
    }
    return await WebAssembly.compile(await response.arrayBuffer());
  } catch (error) {
    throw new WasmLoadError(error instanceof Error ? error.message : String(error));
  }
}
