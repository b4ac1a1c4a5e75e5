// The pre-booted state's download, done by the emulator worker: gunzipped while it streams in
// (as a bare v86 page does), its bytes as served checked against the manifest's SHA-256 before
// anything of it is used. The page's thread takes no part: it draws the page meanwhile.
import { readAll, sha256Hex } from '../../common/bytes/codec';
import { messageOf } from '../../common/errors';
import { gunzipIfGzipped, isGzip } from '../../common/bytes/gzip';
import type { StateRequest } from '../../common/protocol/emulator';

export interface DownloadedState {
  /** The file as served, checked: small, kept by the page for resets and snapshots. */
  served: ArrayBuffer;
  gzipped: boolean;
  /** The raw v86 state. */
  state: ArrayBuffer;
}

export class StateDownloadError extends Error {
  override name = 'StateDownloadError';
  constructor(
    readonly kind: 'missing' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

export async function downloadState(
  request: StateRequest,
  onProgress: (loaded: number, total: number) => void,
  fetcher: typeof fetch = fetch,
): Promise<DownloadedState> {
  let response: Response;
  try {
    response = await fetcher(request.url);
  } catch (error) {
    throw new StateDownloadError('missing', messageOf(error));
  }
  if (!response.ok || !response.body) {
    throw new StateDownloadError('missing', `HTTP ${response.status}`);
  }
  // One branch keeps the bytes as served (to check), the other decodes them as they come.
  const [asServed, toDecode] = response.body.tee();
  const decoded = gunzipIfGzipped(toDecode).then((stream) => readAll(stream));
  decoded.catch(() => undefined); // judged below, after the checksum
  const served = await readAll(asServed, (loaded) =>
    onProgress(Math.min(loaded, request.size), request.size),
  );
  const gzipped = isGzip(served);
  const expected = gzipped ? request.sha256 : request.decodedSha256;
  if ((await sha256Hex(served)) !== expected) {
    throw new StateDownloadError('corrupt', 'checksum mismatch');
  }
  let state: Uint8Array<ArrayBuffer>;
  try {
    state = await decoded;
  } catch (error) {
    throw new StateDownloadError('corrupt', messageOf(error));
  }
  return { served: served.buffer, gzipped, state: state.buffer };
}
