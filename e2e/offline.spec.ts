// Lesson 6: the lab is a set of static files that the browser keeps. After one visit it loads and
// boots with the network cable pulled and the server gone; a new version waits to be accepted.
import { cpSync, appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { startServer } from '../bench/server.mjs';
import { Lab } from './lab';
import { SnapshotPanel } from './snapshots';

test.use({ serviceWorkers: 'allow' });

interface Site {
  origin: string;
  /** The served folder: a test may change what is in it. */
  root: string;
  stop: () => void;
}

/**
 * Runs `use` with a copy of the build on its own server (which a test may change or stop), and
 * a browser that has visited it once: booted, and told by the service worker it is cached.
 */
async function withCachedLab(
  page: Page,
  use: (site: Site, lab: Lab) => Promise<void>,
  files: Record<string, string> = {},
) {
  const root = mkdtempSync(join(tmpdir(), 'aula86-dist-'));
  cpSync('dist', root, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  const server: Server = await startServer({ '/': root });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const stop = () => {
    server.closeAllConnections();
    server.close();
  };
  const site = { origin: `http://127.0.0.1:${port}`, root, stop };
  try {
    const lab = new Lab(page, site.origin);
    await lab.bootToShell();
    await expect(network(page)).toHaveText('Ready offline', { timeout: 60_000 });
    await use(site, lab);
  } finally {
    stop();
    rmSync(root, { recursive: true, force: true });
  }
}

const network = (page: Page) => page.getByRole('status', { name: 'Network' });

test('after one visit the lab boots with no network and no server, and snapshots still work', async ({
  page,
  context,
}) => {
  await withCachedLab(page, async (site, lab) => {
    site.stop();
    await context.setOffline(true);
    await page.reload();
    await lab.waitForPrompt();
    await expect(network(page)).toHaveText(/Offline/);
    await lab.run('echo works offline > /root/note; cat /root/note', /^works offline$/m);

    const snapshots = new SnapshotPanel(page);
    const name = await snapshots.save();
    await lab.run('rm /root/note; cat /root/note', /No such file or directory/);
    await snapshots.restore(name);
    await lab.run('cat /root/note', /^works offline$/m);
  });
});

test('a new version waits for the user, and the running machine is not interrupted', async ({
  page,
}) => {
  await withCachedLab(page, async (site, lab) => {
    await lab.run('echo before update > /root/state; cat /root/state', /^before update$/m);

    // A new deployment: the service worker file changes on the server.
    appendFileSync(join(site.root, 'sw.js'), '\n// a new version\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    const prompt = page.getByRole('alertdialog');
    await expect(prompt).toContainText('A new version of the lab is ready');
    // Nothing was reloaded: the guest still has what was typed before.
    await lab.run('cat /root/state', /^before update$/m);

    await prompt.getByRole('button', { name: 'Later' }).click();
    await expect(prompt).toBeHidden();
    await lab.run('echo still the same session', /^still the same session$/m);
  });
});

test('an offline kiosk keeps its kiosk.json: still locked, still unlocked by its PIN', async ({
  page,
  context,
}) => {
  const kioskJson = JSON.stringify({ enabled: true, pin: '2468' });
  await withCachedLab(
    page,
    async (site, lab) => {
      // Visited twice online (the service worker now answers for the page), then the cable goes.
      await page.reload();
      await lab.waitForPrompt();
      site.stop();
      await context.setOffline(true);
      await page.reload();
      await lab.waitForPrompt();
      await expect(network(page)).toHaveText(/Offline/);
      await expect(lab.button('Pause')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Save snapshot' })).toHaveCount(0);
      await page.getByRole('button', { name: 'Teacher unlock' }).click();
      await page.getByLabel('Teacher PIN').fill('2468');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect(lab.button('Pause')).toBeVisible();
    },
    { 'kiosk.json': kioskJson },
  );
});
