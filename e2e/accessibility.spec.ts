// Lesson: a lab everyone can use. axe-core (the engine behind most accessibility checkers) finds
// no serious or critical WCAG 2.1 A/AA problem in any pane, in either language, light or dark,
// nor in a kiosk; and every tool opens and closes from the keyboard.
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { Lab } from './lab';
import { Workspace } from './workspace';
import { LessonPane } from './lessons';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TOOLS = {
  en: [
    'Lessons',
    'Guest',
    'Snapshots',
    'Network',
    'Network measurement',
    'Cost of emulation',
    'Add a guest',
    'Shared folder',
    'Migration',
  ],
  es: [
    'Lecciones',
    'Invitado',
    'Instantáneas',
    'Red',
    'Medición de la red',
    'Coste de emular',
    'Añadir un invitado',
    'Carpeta compartida',
    'Migración',
  ],
};

/** axe-core's serious and critical findings on the page as it is, one line each. */
async function problems(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<AxeResult> } })
      .axe;
    interface AxeResult {
      violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
    }
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  });
}

test('no serious or critical WCAG 2.1 A/AA problem in any pane: English and Spanish, light and dark', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.addInitScript({ path: AXE });
  const lab = new Lab(page);
  const workspace = new Workspace(page, lab);
  await lab.bootToShell('lang=en');
  for (const theme of ['light', 'dark'] as const) {
    await page.getByRole('combobox', { name: /^(Theme|Tema)$/ }).selectOption(theme);
    for (const lang of ['en', 'es'] as const) {
      await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption(lang);
      expect(await problems(page), `${theme}, ${lang}, no tool open`).toEqual([]);
      // The machine's Migrate menu, open (its one item: Open another host).
      await page.getByRole('button', { name: /^(Migrate|Migrar)…$/ }).click();
      await expect(page.getByRole('menuitem')).toHaveCount(1);
      expect(await problems(page), `${theme}, ${lang}, migrate menu`).toEqual([]);
      await page.keyboard.press('Escape');
      for (const tool of TOOLS[lang]) {
        await workspace.open(tool);
        expect(await problems(page), `${theme}, ${lang}: ${tool}`).toEqual([]);
      }
    }
  }
});

test('a lesson, with its step, commands and a hint showing: no serious or critical problem', async ({
  page,
}) => {
  await page.addInitScript({ path: AXE });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en');
  const lesson = new LessonPane(page);
  await lesson.openLesson('Snapshots');
  await lesson.button('Check').click();
  await expect(lesson.state(1)).toHaveText('not yet');
  for (const theme of ['light', 'dark'] as const) {
    await page.getByRole('combobox', { name: /^(Theme|Tema)$/ }).selectOption(theme);
    for (const lang of ['en', 'es'] as const) {
      await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption(lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      expect(await problems(page), `${theme}, ${lang}: a lesson`).toEqual([]);
    }
  }
});

test('every tool opens and closes from the keyboard alone', async ({ page }) => {
  const lab = new Lab(page);
  const workspace = new Workspace(page, lab);
  await lab.bootToShell('lang=en');
  for (const tool of TOOLS.en) {
    await workspace.tool(tool).focus();
    await page.keyboard.press('Enter');
    await expect(workspace.pane(tool)).toBeVisible();
    // Tab reaches the pane's own controls; Escape there closes it and the tool's button says so.
    await workspace
      .pane(tool)
      .getByRole('button', { name: `Close ${tool}` })
      .focus();
    await page.keyboard.press('Escape');
    await expect(workspace.pane(tool)).toHaveCount(0);
    await expect(workspace.tool(tool)).toHaveAttribute('aria-expanded', 'false');
  }
});

test('a locked kiosk has no serious or critical WCAG problem either', async ({ page }) => {
  await page.route('**/kiosk.json', (route) =>
    route.fulfill({ json: { tools: ['guest', 'snapshots'], pin: '2468' } }),
  );
  await page.addInitScript({ path: AXE });
  const lab = new Lab(page);
  const workspace = new Workspace(page, lab);
  await lab.bootToShell('lang=en&kiosk');
  expect(await problems(page)).toEqual([]);
  await workspace.open('Snapshots');
  expect(await problems(page)).toEqual([]);
});
