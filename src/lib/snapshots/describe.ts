// What went wrong with a snapshot operation, as the notice the panel shows. Pure.
import { messageOf } from '../../common/errors';
import { storageRefusalOf } from '../../common/storage/failure';
import type { MessageKey } from '../i18n/messages';
import type { Params } from '../i18n/translate';
import { problem, UserError, type Notice } from '../notices/notice';
import { SnapshotError } from '../../common/snapshots/format';

export function describeSnapshotError(error: unknown): Notice {
  if (error instanceof UserError) return error.notice;
  if (error instanceof SnapshotError) {
    const fault = error.problem;
    switch (fault.code) {
      case 'unsupportedFormat':
        return {
          tone: 'error',
          key: 'snap.error.unsupportedFormat',
          params: { version: fault.version },
        };
      case 'incompatible':
        return {
          tone: 'error',
          key: 'snap.error.incompatible',
          params: {},
          reasons: fault.reasons.map((r): { key: MessageKey; params: Params } => {
            switch (r.kind) {
              case 'v86Version':
                return {
                  key: 'snap.reason.v86Version',
                  params: { saved: r.saved, current: r.current },
                };
              case 'profile':
                return {
                  key: 'snap.reason.profile',
                  params: { saved: r.saved, current: r.current },
                };
              case 'memory':
                return {
                  key: 'snap.reason.memory',
                  params: { saved: r.saved / 2 ** 20, current: r.current / 2 ** 20 },
                };
              case 'images':
                return { key: 'snap.reason.images', params: {} };
            }
          }),
        };
      case 'headerTooLarge':
        return problem('snap.error.headerTooLarge', {
          size: Math.ceil(fault.size / 2 ** 20),
          max: fault.max / 2 ** 20,
        });
      case 'trailingData':
        return problem('snap.error.trailingData', { extra: fault.extra });
      case 'notSnapshot':
        return fault.detail
          ? problem('snap.error.invalidField', { detail: fault.detail })
          : problem('snap.error.notSnapshot');
      default:
        return problem(`snap.error.${fault.code}`);
    }
  }
  const refusal = storageRefusalOf(error);
  if (refusal?.kind === 'quota') return problem('snap.error.quota');
  if (refusal) return problem('snap.error.refused', { name: refusal.name });
  return problem('snap.error.generic', { detail: messageOf(error) });
}
