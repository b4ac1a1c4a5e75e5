// "Open another host": another window of the lab beside this one (each tab is a host), with the
// Migration tool open, in this tab's language.
export function openAnotherHost(lang: string): void {
  const url = `${location.pathname}?tool=migration&lang=${lang}`;
  const width = Math.floor(screen.availWidth / 2);
  window.open(url, '_blank', `popup,width=${width},height=${screen.availHeight},left=${width}`);
}
