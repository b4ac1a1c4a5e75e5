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

test('without ?lang= the browser language decides', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Reiniciar' })).toBeVisible({ timeout: 60_000 });
  await context.close();
});
