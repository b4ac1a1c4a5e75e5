// Lesson 4: the lab speaks Spanish and English.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('the Spanish UI shows Spanish labels, and can switch to English', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('lang=es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(lab.button('Pausar')).toBeVisible({ timeout: 60_000 });
  await expect(lab.button('Reiniciar')).toBeVisible();
  await expect(page.getByText('Invitado', { exact: true })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Estado de la máquina' })).toContainText(
    /Arrancando|En marcha/,
  );
  await expect(page.getByRole('button', { name: 'Guardar instantánea' })).toBeVisible();

  await page.getByLabel('Idioma').selectOption('en');
  await expect(lab.button('Pause')).toBeVisible();
  await expect(lab.button('Reset')).toBeVisible();
  await expect(page).toHaveURL(/lang=en/);
});

test('the guest speaks the lab language too: its welcome, `aula`, and accents', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('lang=es');
  await expect(lab.terminal).toContainText('se ejecuta dentro de v86. Escribe', {
    timeout: 60_000,
  });
  await lab.expectScreen(/^root@pc1:~#$/m);
  await lab.run('aula', /^Cosas que probar:$/m);
  await lab.expectScreen(/^ {2}ps ; top {22}los procesos$/m);
  expect(await lab.screenText()).not.toContain('Things to try');
  // The shell counts characters, not bytes (UTF-8): a line with accents edits as it reads.
  await lab.run('v=ñandú; echo "${#v} letras"', /^5 letras$/m);

  // Switched to English, the guest is told at once.
  await page.getByLabel('Idioma').selectOption('en');
  await lab.run('clear; aula', /^Things to try:$/m);
  await lab.expectScreen(/^ {2}ps ; top {22}processes$/m);
  expect(await lab.screenText()).not.toContain('Cosas que probar');
});

test('without ?lang= the browser language decides', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Reiniciar' })).toBeVisible({ timeout: 60_000 });
  await context.close();
});
