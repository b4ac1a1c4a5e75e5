// A guest's name as the reader sees it: the lab's own guests in the reader's language, a user's
// image by its file's name.
import { t } from '../i18n/locale.svelte';
import { isMessageKey } from '../i18n/translate';

export function profileName(profile: { id: string; name: string }): string {
  const key = `profile.${profile.id}`;
  return isMessageKey(key) ? t(key) : profile.name;
}
