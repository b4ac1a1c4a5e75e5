// The lab's one shape for what a panel tells the user (a notice), and its one error type for a
// refusal the user can act on ("the machine is paused", "a snapshot needs a name").
import type { MessageKey } from '../i18n/messages';
import type { Params } from '../i18n/translate';
import { messageOf } from '../../common/errors';

/** A message to show: its tone, its i18n key and parameters, and any reasons listed under it. */
export interface Notice {
  tone: 'info' | 'error';
  key: MessageKey;
  params: Params;
  /** Reasons, each its own message, shown as a list (e.g. why a snapshot does not fit). */
  reasons?: Array<{ key: MessageKey; params: Params }>;
}

export const info = (key: MessageKey, params: Params = {}): Notice => ({
  tone: 'info',
  key,
  params,
});
export const problem = (key: MessageKey, params: Params = {}): Notice => ({
  tone: 'error',
  key,
  params,
});

/** Thrown when the user asked for something that cannot be done now, saying why. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(key);
  }

  get notice(): Notice {
    return problem(this.key, this.params);
  }
}

/**
 * What to tell the user about a failed action: a refusal's own notice, else `fallback` with the
 * error's text as its `detail` (and `params`).
 */
export function noticeOf(error: unknown, fallback: MessageKey, params: Params = {}): Notice {
  return error instanceof UserError
    ? error.notice
    : problem(fallback, { ...params, detail: messageOf(error) });
}
