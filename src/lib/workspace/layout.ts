// The workspace's layout as data: which tool is open and where, the panes' sizes, the terminal's
// font, presentation mode and the theme; its remembered form (versioned, every value bounded, a
// damaged or older record read field by field) and the tool an address names. Pure.
import * as v from 'valibot';

/** The lab's tools, in the tool bar's order. */
export const TOOLS = [
  'lessons',
  'guest',
  'snapshots',
  'network',
  'measure',
  'cost',
  'add',
  'shared',
  'migration',
] as const;
export type ToolId = (typeof TOOLS)[number];

export const isTool = (value: unknown): value is ToolId =>
  typeof value === 'string' && (TOOLS as readonly string[]).includes(value);

/** Where an open tool shows: a pane beside the terminal, or a panel under it. */
export type Dock = 'side' | 'bottom';
export type Theme = 'system' | 'light' | 'dark';

export interface Layout {
  tool: ToolId | null;
  dock: Dock;
  /** The side pane's width, px. */
  sideWidth: number;
  /** The bottom panel's height, px. */
  bottomHeight: number;
  /** Two machines side by side. */
  split: boolean;
  /** Presentation mode: a larger terminal, large figures, high contrast. */
  presentation: boolean;
  /** The terminal's font size, px (presentation mode has its own). */
  fontSize: number;
  presentationFontSize: number;
  theme: Theme;
}

export const LAYOUT_LIMITS = {
  sideWidth: { min: 260, max: 900, step: 24 },
  bottomHeight: { min: 140, max: 700, step: 24 },
  fontSize: { min: 10, max: 40, step: 1 },
} as const;

export const DEFAULT_LAYOUT: Layout = {
  tool: null,
  dock: 'side',
  sideWidth: 380,
  bottomHeight: 280,
  split: false,
  presentation: false,
  fontSize: 15,
  presentationFontSize: 22,
  theme: 'system',
};

/** The version of the remembered record; a record of another version is read field by field. */
export const LAYOUT_VERSION = 1;

export function clamp(n: number, limits: { min: number; max: number }): number {
  return Math.min(limits.max, Math.max(limits.min, Math.round(n)));
}

/** The side pane's width, bounded also by the window: the terminal keeps at least `keep` px. */
export function sideWidthFor(width: number, windowWidth: number, keep = 480): number {
  const max = Math.max(
    LAYOUT_LIMITS.sideWidth.min,
    Math.min(LAYOUT_LIMITS.sideWidth.max, windowWidth - keep),
  );
  return clamp(width, { min: LAYOUT_LIMITS.sideWidth.min, max });
}

/** The bottom panel's height, bounded also by the window: the terminal keeps `keep` px. */
export function bottomHeightFor(height: number, windowHeight: number, keep = 240): number {
  const max = Math.max(
    LAYOUT_LIMITS.bottomHeight.min,
    Math.min(LAYOUT_LIMITS.bottomHeight.max, windowHeight - keep),
  );
  return clamp(height, { min: LAYOUT_LIMITS.bottomHeight.min, max });
}

const size = (limits: { min: number; max: number }) =>
  v.pipe(
    v.number(),
    v.finite(),
    v.transform((n) => clamp(n, limits)),
  );

/** Each field on its own: one damaged value falls back to its default, not the whole record. */
const FIELDS = {
  tool: v.nullable(v.picklist(TOOLS)),
  dock: v.picklist(['side', 'bottom'] as const),
  sideWidth: size(LAYOUT_LIMITS.sideWidth),
  bottomHeight: size(LAYOUT_LIMITS.bottomHeight),
  split: v.boolean(),
  presentation: v.boolean(),
  fontSize: size(LAYOUT_LIMITS.fontSize),
  presentationFontSize: size(LAYOUT_LIMITS.fontSize),
  theme: v.picklist(['system', 'light', 'dark'] as const),
} satisfies { [K in keyof Layout]: v.GenericSchema<unknown, Layout[K]> };

/** A remembered layout (text as stored), read leniently: what cannot be read is the default. */
export function readLayout(raw: string | null): Layout {
  if (raw === null || raw.length > 4096) return { ...DEFAULT_LAYOUT };
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    return { ...DEFAULT_LAYOUT };
  }
  if (typeof record !== 'object' || record === null) return { ...DEFAULT_LAYOUT };
  const stored = record as Record<string, unknown>;
  const layout: Record<string, unknown> = { ...DEFAULT_LAYOUT };
  for (const [key, schema] of Object.entries(FIELDS)) {
    const result = v.safeParse(schema, stored[key]);
    if (result.success) layout[key] = result.output;
  }
  return layout as unknown as Layout;
}

/** The text a layout is remembered as. */
export function writeLayout(layout: Layout): string {
  return JSON.stringify({ version: LAYOUT_VERSION, ...layout });
}

/** The tool an address names (?tool=network), or null; `bad` is true for a name not known. */
export function toolFromSearch(search: string): { tool: ToolId | null; bad: string | null } {
  const asked = new URLSearchParams(search).get('tool');
  if (asked === null || asked === '') return { tool: null, bad: null };
  return isTool(asked) ? { tool: asked, bad: null } : { tool: null, bad: asked.slice(0, 80) };
}

/** The address with `tool` named (or its ?tool removed), other parameters kept. */
export function searchWithTool(search: string, tool: ToolId | null): string {
  const params = new URLSearchParams(search);
  if (tool === null) params.delete('tool');
  else params.set('tool', tool);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The tool a link opens in this page, or null: a link of the same page (origin and path) whose
 * address differs from this one only by `?tool=` (a lesson's "[Migration](?tool=migration)").
 * Following it as a link would load the lab again, and every machine with it.
 */
export function toolOfLink(
  href: string,
  here: { origin: string; pathname: string; search: string },
): ToolId | null {
  let link: URL;
  try {
    link = new URL(href, here.origin + here.pathname + here.search);
  } catch {
    return null;
  }
  if (link.origin !== here.origin || link.pathname !== here.pathname || link.hash) return null;
  const { tool } = toolFromSearch(link.search);
  if (!tool) return null;
  const others = (search: string) => {
    const params = new URLSearchParams(search);
    params.delete('tool');
    params.sort();
    return params.toString();
  };
  const linkOthers = others(link.search);
  return linkOthers === '' || linkOthers === others(here.search) ? tool : null;
}
