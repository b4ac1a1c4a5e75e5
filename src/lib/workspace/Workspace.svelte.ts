// The workspace's state: the open tool and where it docks, the panes' sizes, split view,
// presentation mode, the terminal's font and the theme. Every change is remembered (per browser)
// and the open tool is named in the address, so a link opens it. (Which tools may show, in a
// kiosk, is the page's to decide: it asks `kiosk.json`.)
import {
  DEFAULT_LAYOUT,
  LAYOUT_LIMITS,
  clamp,
  readLayout,
  searchWithTool,
  writeLayout,
  type Dock,
  type Layout,
  type Theme,
  type ToolId,
} from './layout';
import { localTextMemory, type TextMemory } from '../storage/textMemory';

/** Where the layout is remembered: a small key–value memory (localStorage in the browser). */
export type LayoutMemory = TextMemory;

/** Where the open tool is named: the page's address. */
export interface AddressBar {
  search(): string;
  replace(search: string): void;
}

export interface WorkspaceOptions {
  memory: LayoutMemory;
  address?: AddressBar;
  /** The tool the address names (?tool=…): it opens, over the remembered one. */
  tool?: ToolId | null;
}

export class Workspace {
  #layout = $state.raw<Layout>(DEFAULT_LAYOUT);
  readonly #memory: LayoutMemory;
  readonly #address: AddressBar | undefined;

  constructor({ memory, address, tool }: WorkspaceOptions) {
    this.#memory = memory;
    this.#address = address;
    let remembered: string | null = null;
    try {
      remembered = memory.read();
    } catch {
      // storage blocked: the default layout, not remembered
    }
    const layout = readLayout(remembered);
    this.#layout = tool ? { ...layout, tool } : layout;
  }

  get layout(): Layout {
    return this.#layout;
  }

  get tool(): ToolId | null {
    return this.#layout.tool;
  }

  get dock(): Dock {
    return this.#layout.dock;
  }

  get presentation(): boolean {
    return this.#layout.presentation;
  }

  get fontSize(): number {
    const { presentation, fontSize, presentationFontSize } = this.#layout;
    return presentation ? presentationFontSize : fontSize;
  }

  open(tool: ToolId): void {
    this.#set({ tool });
  }

  close(): void {
    this.#set({ tool: null });
  }

  toggle(tool: ToolId): void {
    if (this.tool === tool) this.close();
    else this.open(tool);
  }

  setDock(dock: Dock): void {
    this.#set({ dock });
  }

  /** Sets the open pane's size (px): the side pane's width or the bottom panel's height. */
  resize(px: number): void {
    if (this.#layout.dock === 'side') {
      this.#set({ sideWidth: clamp(px, LAYOUT_LIMITS.sideWidth) });
    } else {
      this.#set({ bottomHeight: clamp(px, LAYOUT_LIMITS.bottomHeight) });
    }
  }

  setSplit(split: boolean): void {
    this.#set({ split });
  }

  setPresentation(presentation: boolean): void {
    this.#set({ presentation });
  }

  /** Makes the terminal's font `steps` sizes larger (negative: smaller), in the current mode. */
  zoom(steps: number): void {
    const key = this.#layout.presentation ? 'presentationFontSize' : 'fontSize';
    this.#set({ [key]: clamp(this.#layout[key] + steps, LAYOUT_LIMITS.fontSize) });
  }

  /** Back to the mode's usual font size. */
  resetZoom(): void {
    const key = this.#layout.presentation ? 'presentationFontSize' : 'fontSize';
    this.#set({ [key]: DEFAULT_LAYOUT[key] });
  }

  setTheme(theme: Theme): void {
    this.#set({ theme });
  }

  #set(change: Partial<Layout>): void {
    const before = this.#layout;
    this.#layout = { ...before, ...change };
    try {
      this.#memory.write(writeLayout(this.#layout));
    } catch {
      // storage full or blocked: the layout holds for this visit
    }
    if (this.#address && change.tool !== undefined && change.tool !== before.tool) {
      this.#address.replace(searchWithTool(this.#address.search(), this.tool));
    }
  }
}

/** localStorage as a LayoutMemory. */
export function localLayoutMemory(key = 'aula86.workspace'): LayoutMemory {
  return localTextMemory(key);
}

/** The page's address as an AddressBar (history.replaceState: no new history entry). */
export function pageAddress(): AddressBar {
  return {
    search: () => location.search,
    replace: (search) => {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- an address to write, not state
      const url = new URL(location.href);
      url.search = search;
      history.replaceState(history.state, '', url);
    },
  };
}
