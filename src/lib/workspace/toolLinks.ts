// A link in the page to one of its tools (a lesson's "[Network](?tool=network)") opens the tool
// in place: followed as a link, it would load the lab again and restart every machine.
import type { Workspace } from './Workspace.svelte';
import { toolOfLink, type ToolId } from './layout';

/** A click handler for the document: opens the tools that `allowed` lists when a link names one. */
export function toolLinkOpener(
  workspace: Pick<Workspace, 'open'>,
  allowed: () => readonly ToolId[],
): (event: MouseEvent) => void {
  return (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self')) return;
    const tool = toolOfLink(link.href, location);
    if (!tool || !allowed().includes(tool)) return;
    event.preventDefault();
    workspace.open(tool);
  };
}
