// Lesson 7: the lab is locked down. Its Content-Security-Policy allows its own origin only, and
// booting, saving and restoring a snapshot, and a benchmark all run without one violation.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { SnapshotPanel } from './snapshots';
import { CostPanel } from './cost';

test('boot, snapshot and benchmark run under a strict CSP with no violation', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });

  const lab = new Lab(page);
  await lab.bootToShell();
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toMatch(/https?:|\*|blob:|data:/);
  // The server sends it as a header too, so it covers the emulator's worker as well.
  const response = await page.request.get('/');
  expect(response.headers()['content-security-policy']).toBe(csp);

  const snapshots = new SnapshotPanel(page);
  const name = await snapshots.save();
  await snapshots.restore(name);
  await lab.run('echo restored', /^restored$/m);

  const cost = new CostPanel(page);
  await cost.choose(['System calls (umask loop)'], ['Host (WebAssembly)', 'Guest, JIT on'], 1);
  await cost.runAndWait();
  await expect(cost.row('System calls (umask loop)')).toContainText('same everywhere');

  expect(violations).toEqual([]);
});
