// Lesson 3: when something is wrong, the lab says what, and what to do, instead of hanging.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('a corrupted kernel image is reported, naming the file', async ({ page }) => {
  await page.route('**/images/bzImage', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[4096] = body[4096]! ^ 0xff;
    await route.fulfill({ response, body });
  });
  const lab = new Lab(page);
  await lab.open('lang=en&boot=cold'); // the images are only fetched for a cold boot
  await expect(lab.alert).toContainText('The guest image bzImage is damaged');
  await expect(lab.alert).toContainText('SHA-256');
  await expect(lab.status).toContainText('Error');
});

test(
  'a missing image is reported, and Try again boots once it is back',
  { tag: '@timed' },
  async ({ page }) => {
    let missing = true;
    await page.route('**/images/seabios.bin', (route) =>
      missing ? route.fulfill({ status: 404, body: 'not found' }) : route.fallback(),
    );
    const lab = new Lab(page);
    await lab.open('lang=en&boot=cold');
    await expect(lab.alert).toContainText('seabios.bin could not be downloaded: HTTP 404');

    missing = false;
    await lab.button('Try again').click();
    await lab.waitForPrompt();
    await expect(lab.alert).toHaveCount(0);
  },
);

test('a missing emulator (v86.wasm) is reported instead of hanging', async ({ page }) => {
  await page.route('**/assets/v86.wasm*', (route) => route.fulfill({ status: 404, body: '' }));
  const lab = new Lab(page);
  await lab.open();
  await expect(lab.alert).toContainText('The emulator (v86.wasm) could not be loaded');
});

test("a missing emulator library (v86's JS) is reported instead of hanging", async ({ page }) => {
  await page.route('**/assets/libv86-*.mjs', (route) => route.fulfill({ status: 404, body: '' }));
  const lab = new Lab(page);
  await lab.open();
  await expect(lab.alert).toContainText('The emulator stopped with an error');
});

test('a browser without WebAssembly is told so', async ({ page }) => {
  await page.addInitScript(() => {
    // @ts-expect-error: simulating a browser with WebAssembly turned off by policy
    delete globalThis.WebAssembly;
  });
  const lab = new Lab(page);
  await lab.open();
  await expect(lab.alert).toContainText('cannot run WebAssembly');
});

test('a guest that prints nothing while booting is reported instead of hanging', async ({
  page,
}) => {
  // The same images, but the kernel is told to use the second serial port as its console,
  // so nothing reaches the terminal; and the guest is given 3 s instead of 30.
  await page.route('**/images/manifest.json', async (route) => {
    const response = await route.fetch();
    const manifest = (await response.json()) as {
      profiles: Array<{ cmdline: string; silence_limit_s: number }>;
    };
    for (const profile of manifest.profiles) {
      profile.cmdline = profile.cmdline.replace('console=ttyS0', 'console=ttyS3');
      profile.silence_limit_s = 3;
    }
    await route.fulfill({ response, json: manifest });
  });
  const lab = new Lab(page);
  await lab.open('lang=en&boot=cold');
  await expect(lab.alert).toContainText('The guest printed nothing for 3 seconds while booting');
  await expect(lab.status).toContainText('Error');
  await expect(lab.button('Try again')).toBeVisible();
});

test(
  'a pre-booted state that does not fit this build falls back to a cold boot, with a note',
  { tag: '@timed' },
  async ({ page }) => {
    await page.route('**/images/manifest.json', async (route) => {
      const response = await route.fetch();
      const manifest = (await response.json()) as {
        profiles: Array<{ boot_state?: { v86_version: string } }>;
      };
      for (const profile of manifest.profiles) profile.boot_state!.v86_version = '0.5.1';
      await route.fulfill({ response, json: manifest });
    });
    const lab = new Lab(page);
    await lab.bootToShell();
    await expect(
      page.getByRole('status').filter({ hasText: 'does not fit this build' }),
    ).toBeVisible();
    await lab.openTool('Guest');
    await expect(page.getByTestId('started-from')).toContainText('cold boot');
    await lab.run('echo booted anyway', /^booted anyway$/m);
  },
);

test('a damaged pre-booted state is not used: the guest boots from scratch', async ({ page }) => {
  await page.route('**/images/boot-state.bin.gz', (route) =>
    route.fulfill({ status: 200, body: 'not a state' }),
  );
  const lab = new Lab(page);
  await lab.bootToShell();
  await expect(page.getByRole('status').filter({ hasText: 'could not be loaded' })).toContainText(
    'boot-state.bin.gz',
  );
  await lab.openTool('Guest');
  await expect(page.getByTestId('started-from')).toContainText('cold boot');
});
