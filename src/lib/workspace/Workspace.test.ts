import { describe, expect, it } from 'vitest';
import { Workspace, type AddressBar, type LayoutMemory } from './Workspace.svelte';
import { DEFAULT_LAYOUT, LAYOUT_LIMITS, readLayout, writeLayout } from './layout';

function memory(initial: string | null = null): LayoutMemory & { text: string | null } {
  return {
    text: initial,
    read() {
      return this.text;
    },
    write(text) {
      this.text = text;
    },
  };
}

function address(initial = ''): AddressBar & { current: string } {
  return {
    current: initial,
    search() {
      return this.current;
    },
    replace(search) {
      this.current = search;
    },
  };
}

describe('Workspace', () => {
  it('remembers the open tool and its size', () => {
    const store = memory();
    const first = new Workspace({ memory: store });
    first.open('network');
    first.resize(500);
    const second = new Workspace({ memory: store });
    expect(second.tool).toBe('network');
    expect(second.layout.sideWidth).toBe(500);
  });

  it('opens the tool the address names over the remembered one', () => {
    const store = memory(writeLayout({ ...DEFAULT_LAYOUT, tool: 'cost' }));
    expect(new Workspace({ memory: store, tool: 'network' }).tool).toBe('network');
    expect(new Workspace({ memory: store }).tool).toBe('cost');
  });

  it('names the open tool in the address, and removes it when closed', () => {
    const bar = address('?lang=es');
    const workspace = new Workspace({ memory: memory(), address: bar });
    workspace.open('snapshots');
    expect(bar.current).toBe('?lang=es&tool=snapshots');
    workspace.toggle('snapshots');
    expect(workspace.tool).toBeNull();
    expect(bar.current).toBe('?lang=es');
  });

  it('toggles between tools: one is open at a time', () => {
    const workspace = new Workspace({ memory: memory() });
    workspace.toggle('guest');
    workspace.toggle('cost');
    expect(workspace.tool).toBe('cost');
  });

  it('resizes the pane that is docked, within bounds', () => {
    const workspace = new Workspace({ memory: memory() });
    workspace.resize(10);
    expect(workspace.layout.sideWidth).toBe(LAYOUT_LIMITS.sideWidth.min);
    workspace.setDock('bottom');
    workspace.resize(5000);
    expect(workspace.layout.bottomHeight).toBe(LAYOUT_LIMITS.bottomHeight.max);
    expect(workspace.layout.sideWidth).toBe(LAYOUT_LIMITS.sideWidth.min);
  });

  it('zooms the font of the mode it is in, and presentation has its own', () => {
    const workspace = new Workspace({ memory: memory() });
    workspace.zoom(2);
    expect(workspace.fontSize).toBe(DEFAULT_LAYOUT.fontSize + 2);
    workspace.setPresentation(true);
    expect(workspace.fontSize).toBe(DEFAULT_LAYOUT.presentationFontSize);
    workspace.zoom(-100);
    expect(workspace.fontSize).toBe(LAYOUT_LIMITS.fontSize.min);
    workspace.resetZoom();
    expect(workspace.fontSize).toBe(DEFAULT_LAYOUT.presentationFontSize);
    workspace.setPresentation(false);
    expect(workspace.fontSize).toBe(DEFAULT_LAYOUT.fontSize + 2);
  });

  it('still works when the storage refuses to be read or written', () => {
    const broken: LayoutMemory = {
      read: () => {
        throw new Error('SecurityError');
      },
      write: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const workspace = new Workspace({ memory: broken });
    workspace.open('guest');
    expect(workspace.tool).toBe('guest');
  });

  it('writes a versioned record', () => {
    const store = memory();
    new Workspace({ memory: store }).setTheme('dark');
    expect(JSON.parse(store.text ?? '')).toMatchObject({ version: 1, theme: 'dark' });
    expect(readLayout(store.text).theme).toBe('dark');
  });
});
