// Why a machine cannot run, as a code the error panel explains (with what to do about it).
import { messageOf } from '../../common/errors';
import { ImageError } from '../guest/loadImage';
import { ManifestError } from '../guest/manifest';
import { UserError } from '../notices/notice';

export type MachineErrorCode =
  | 'noWasm'
  | 'manifest'
  | 'imageMissing'
  | 'imageCorrupt'
  | 'wasm'
  | 'silent'
  | 'emulator'
  | 'stateRejected';

export interface MachineError {
  code: MachineErrorCode;
  params: Record<string, string | number>;
}

export function describeError(error: unknown): MachineError {
  if (error instanceof ManifestError)
    return { code: 'manifest', params: { detail: error.message } };
  if (error instanceof ImageError) {
    return error.kind === 'corrupt'
      ? {
          code: 'imageCorrupt',
          params: { file: error.file, expected: error.expected, actual: error.actual },
        }
      : { code: 'imageMissing', params: { file: error.file, detail: error.detail } };
  }
  if (error instanceof UserError && error.key === 'media.error.gone') {
    return {
      code: 'imageMissing',
      params: { file: error.params['name'] as string, detail: 'no longer stored in this browser' },
    };
  }
  return { code: 'emulator', params: { detail: messageOf(error) } };
}
