// Lesson: files in and out of the guest. The lab's shared folder is a 9p file system the guest
// has mounted at /mnt/host: a file sent from the page is there, byte for byte, and a file the
// guest writes there can be downloaded.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('a file sent in is read back by sha256sum, and a file the guest writes comes out the same', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&tool=shared');
  const panel = page.getByRole('region', { name: 'Shared folder' });
  await expect(panel.getByText('The shared folder is empty.')).toBeVisible();

  // In: a megabyte of random bytes, through the "Send files…" button.
  const sent = randomBytes(1024 * 1024 + 123);
  await panel
    .getByTestId('shared-input')
    .setInputFiles({ name: 'datos.bin', mimeType: 'application/octet-stream', buffer: sent });
  await expect(panel.getByText('datos.bin is in /mnt/host of pc1.')).toBeVisible();
  await lab.run('sha256sum /mnt/host/datos.bin', `${sha256(sent)}  /mnt/host/datos.bin`);

  // Out: the guest writes a file; the list shows it, and its download has the same SHA-256.
  await lab.run(
    'head -c 300000 /dev/urandom > /mnt/host/salida.bin && sha256sum /mnt/host/salida.bin',
    /^[0-9a-f]{64} {2}\/mnt\/host\/salida\.bin$/m,
  );
  const inGuest = /^([0-9a-f]{64}) {2}\/mnt\/host\/salida\.bin$/m.exec(await lab.screenText())![1];
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download “salida.bin”' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('salida.bin');
  expect(sha256(await readFile(await download.path()))).toBe(inGuest);

  // Names that look alike are different files: each downloads as itself, never its twin.
  await lab.run(
    "printf A > '/mnt/host/a\\b'; printf B > /mnt/host/a_b; printf C > '/mnt/host/tr '; printf D > /mnt/host/tr; echo made",
    /^made$/m,
  );
  for (const [name, content] of [
    ['a\\b', 'A'],
    ['a_b', 'B'],
    ['tr ', 'C'],
    ['tr', 'D'],
  ] as const) {
    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: `Download “${name}”`, exact: true }).click();
    const download = await downloading;
    expect(await readFile(await download.path(), 'utf8')).toBe(content);
    await expect(panel.getByText(`Downloaded “${name}”.`, { exact: true })).toBeVisible();
  }
});

test('files dropped on the machine land in its shared folder', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell();
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['hola desde el anfitrión\n'], 'hola.txt'));
    return transfer;
  });
  const target = page.getByRole('region', { name: 'Drop files to send them to pc1 (/mnt/host)' });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByText('hola.txt is in /mnt/host of pc1.')).toBeVisible();
  await lab.run('cat /mnt/host/hola.txt', 'hola desde el anfitrión');
});
