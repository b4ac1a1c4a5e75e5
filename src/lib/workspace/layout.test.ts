import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAYOUT,
  LAYOUT_LIMITS,
  bottomHeightFor,
  readLayout,
  searchWithTool,
  sideWidthFor,
  toolFromSearch,
  toolOfLink,
  writeLayout,
} from './layout';

describe('readLayout', () => {
  it('gives the default layout when nothing is remembered', () => {
    expect(readLayout(null)).toEqual(DEFAULT_LAYOUT);
  });

  it('reads back what was written', () => {
    const layout = {
      ...DEFAULT_LAYOUT,
      tool: 'network' as const,
      dock: 'bottom' as const,
      sideWidth: 420,
    };
    expect(readLayout(writeLayout(layout))).toEqual(layout);
  });

  it('keeps the fields it can read and defaults the damaged ones', () => {
    const raw = JSON.stringify({ tool: 'cost', dock: 'left', sideWidth: 'wide', theme: 'dark' });
    expect(readLayout(raw)).toEqual({ ...DEFAULT_LAYOUT, tool: 'cost', theme: 'dark' });
  });

  it('bounds every size it reads', () => {
    const raw = JSON.stringify({ sideWidth: 99999, bottomHeight: -5, fontSize: 1e9 });
    const layout = readLayout(raw);
    expect(layout.sideWidth).toBe(LAYOUT_LIMITS.sideWidth.max);
    expect(layout.bottomHeight).toBe(LAYOUT_LIMITS.bottomHeight.min);
    expect(layout.fontSize).toBe(LAYOUT_LIMITS.fontSize.max);
  });

  it('ignores an unknown tool, text that is not JSON, and a record too long to be ours', () => {
    expect(readLayout(JSON.stringify({ tool: 'shell' })).tool).toBeNull();
    expect(readLayout('{not json')).toEqual(DEFAULT_LAYOUT);
    expect(readLayout('[]')).toEqual(DEFAULT_LAYOUT);
    expect(readLayout(JSON.stringify({ tool: 'cost', pad: 'x'.repeat(5000) }))).toEqual(
      DEFAULT_LAYOUT,
    );
  });

  it('rejects sizes that are not finite numbers', () => {
    expect(readLayout('{"sideWidth": null, "fontSize": "20"}')).toEqual(DEFAULT_LAYOUT);
  });
});

describe('pane sizes bounded by the window', () => {
  it('leaves the terminal its share of a narrow window', () => {
    expect(sideWidthFor(800, 1280)).toBe(800);
    expect(sideWidthFor(800, 1000)).toBe(520);
    expect(sideWidthFor(100, 1280)).toBe(LAYOUT_LIMITS.sideWidth.min);
    expect(sideWidthFor(500, 600)).toBe(LAYOUT_LIMITS.sideWidth.min);
    expect(bottomHeightFor(600, 720)).toBe(480);
  });
});

describe('the tool an address names', () => {
  it('reads ?tool=', () => {
    expect(toolFromSearch('?tool=network&lang=es')).toEqual({ tool: 'network', bad: null });
    expect(toolFromSearch('?lang=es')).toEqual({ tool: null, bad: null });
    expect(toolFromSearch('?tool=')).toEqual({ tool: null, bad: null });
  });

  it('names a tool it does not know, shortened', () => {
    expect(toolFromSearch('?tool=rootkit')).toEqual({ tool: null, bad: 'rootkit' });
    expect(toolFromSearch(`?tool=${'a'.repeat(200)}`).bad).toHaveLength(80);
  });

  it('writes the tool into the address, keeping the other parameters', () => {
    expect(searchWithTool('?lang=es', 'cost')).toBe('?lang=es&tool=cost');
    expect(searchWithTool('?tool=cost&lang=es', 'network')).toBe('?tool=network&lang=es');
    expect(searchWithTool('?tool=cost&lang=es', null)).toBe('?lang=es');
    expect(searchWithTool('?tool=cost', null)).toBe('');
  });
});

describe('toolOfLink (a link inside the page that names a tool)', () => {
  const here = { origin: 'http://lab.test', pathname: '/aula/', search: '?lang=es&tool=lessons' };

  it('opens the tool a same-page link names, whatever else this address has', () => {
    expect(toolOfLink('?tool=migration', here)).toBe('migration');
    expect(toolOfLink('http://lab.test/aula/?tool=network', here)).toBe('network');
    expect(toolOfLink('?tool=network&lang=es', here)).toBe('network');
  });

  it('leaves every other link to the browser', () => {
    expect(toolOfLink('?tool=network&lang=en', here)).toBeNull(); // another language: a new page
    expect(toolOfLink('?tool=nothing', here)).toBeNull();
    expect(toolOfLink('?lang=en', here)).toBeNull();
    expect(toolOfLink('/other/?tool=network', here)).toBeNull();
    expect(toolOfLink('http://elsewhere.test/aula/?tool=network', here)).toBeNull();
    expect(toolOfLink('?tool=network#x', here)).toBeNull();
    expect(toolOfLink('http://[bad', here)).toBeNull();
  });
});
