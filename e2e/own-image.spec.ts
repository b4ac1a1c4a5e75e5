// Lesson: the teacher's own boot image. A bootable ISO (isolinux around the lab's kernel, built
// by images/build-test-iso.sh) is dropped on "Add a guest": the lab says what it is, boots it,
// and keeps it in the browser. The same file as a hard disk shows the non-persistent disk:
// what the guest writes is gone after "Discard disk changes". Files that cannot boot are
// refused with the reason.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Lab } from './lab';
import { migrateButton, openMigrateMenu } from './migration';
import { Screen } from './screen';
import { SnapshotPanel } from './snapshots';

const iso = readFileSync(new URL('./fixtures/aula86-live.iso', import.meta.url));

function addGuestPanel(page: Page) {
  return page.getByRole('region', { name: 'Add a guest' });
}

test('an ISO dropped on "Add a guest" boots, is still listed after a reload, and can be removed', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&tool=add');
  const dropZone = addGuestPanel(page).getByRole('region', { name: 'Drop a boot image here' });
  const dataTransfer = await page.evaluateHandle((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'aula86-live.iso'));
    return transfer;
  }, iso.toString('base64'));
  await dropZone.dispatchEvent('dragover', { dataTransfer });
  await dropZone.dispatchEvent('drop', { dataTransfer });

  const found = page.getByRole('group', { name: 'What the file is' });
  await expect(found).toContainText('ISO 9660 CD image “AULA86LIVE”');
  await expect(found).toContainText('El Torito boot record: the CD is bootable');
  await expect(found.getByLabel('Boot from')).toHaveValue('cdrom');
  // It boots in a machine of its own: pc1 and what runs in it are untouched.
  await page.getByRole('button', { name: 'Boot in a new machine' }).click();
  await expect(page.getByText('aula86-live.iso was added; pc2 boots it now.')).toBeVisible();

  // isolinux, then the kernel and its init: on the screen, and on the serial console too.
  const screen = new Screen(page);
  await screen.expectText('is running inside v86', 60_000);
  await expect(lab.status).toContainText('Running');
  await lab.openTool('Guest');
  await expect(page.getByRole('combobox', { name: 'Guest' })).toHaveValue(/^user-/);
  await lab.machine('pc1').run('echo pc1-untouched', /^pc1-untouched$/m);
  // It does not move to another host (its disk changes stay in this tab): its menu says so.
  await lab.machine('pc2').show();
  const menu = await openMigrateMenu(page, 'pc2');
  await expect(menu).toContainText(
    'A guest of your own image does not move to another host yet (its disk changes are kept here)',
  );
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(migrateButton(page, 'pc2')).toBeFocused();

  await page.reload();
  await lab.waitForPrompt();
  await expect(page.getByRole('option', { name: 'aula86-live.iso' })).toBeAttached();
  await lab.openTool('Add a guest');
  const list = page.getByRole('list', { name: 'Your guests' });
  await expect(list).toContainText('aula86-live.iso');
  await expect(list).toContainText('CD-ROM');
  // The storage line counts the 4 MB image.
  await expect(addGuestPanel(page).getByTestId('storage-usage')).toHaveText(
    /This browser stores ([4-9]|\d{2,})(\.\d)? MB for the lab and allows [\d,]+ MB\./,
  );

  // Removed, it leaves the list and the Guest menu.
  await list.getByRole('button', { name: 'Remove aula86-live.iso' }).click();
  await expect(page.getByText('aula86-live.iso was removed from this browser.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Your guests' })).toBeHidden();
  await lab.openTool('Guest');
  await expect(page.getByRole('option', { name: 'aula86-live.iso' })).not.toBeAttached();
});

test('a hard disk forgets what the guest wrote after "Discard disk changes"', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&tool=add');
  await addGuestPanel(page)
    .getByTestId('image-input')
    .setInputFiles({ name: 'disco.img', mimeType: 'application/octet-stream', buffer: iso });
  const found = page.getByRole('group', { name: 'What the file is' });
  await expect(found).toContainText('Boot sector with the MBR signature 55 AA');
  await found.getByLabel('Boot from').selectOption('hda');
  // In place of pc1's guest: the button says what that replaces.
  const replace = page.getByRole('button', { name: 'Replace pc1 with it' });
  await expect(replace).toHaveAttribute('title', /What runs in pc1 now is lost/);
  await replace.click();
  await new Screen(page).expectText('is running inside v86', 60_000);

  await page.getByRole('button', { name: 'Serial terminal' }).click();
  await lab.waitForPrompt();
  const sector = 'dd if=/dev/sda bs=512 skip=8000 count=1 2>/dev/null | od -An -tx1 -N8';
  await lab.run(`${sector} | tr -d ' '; echo read-done`, /^read-done$/m);
  const before = /^([0-9a-f]{16})$/m.exec(await lab.screenText())![1]!;
  await lab.run(
    `echo cambiado | dd of=/dev/sda bs=512 seek=8000 conv=sync,fsync 2>/dev/null; ${sector}`,
    /63 61 6d 62 69 61 64 6f/,
  );
  // The kernel writes whole pages: a sector changed is 4 kB of overlay.
  await lab.openTool('Guest');
  await expect(page.getByTestId('disk-changes')).toContainText(/Disk changes: [1-9][\d.]* kB/);

  // A snapshot keeps the overlay with the machine.
  const snapshots = new SnapshotPanel(page);
  const saved = await snapshots.save();

  await lab.openTool('Guest');
  await page.getByRole('button', { name: 'Discard disk changes' }).click();
  await expect(page.getByText('The disk changes were discarded')).toBeVisible();
  await lab.waitForPrompt();
  await lab.run('clear', /^root@pc\d:~#$/m);
  await lab.run(`${sector} | tr -d ' '`, new RegExp(`^${before}$`, 'm'));
  await expect(page.getByTestId('disk-changes')).toContainText('Disk changes: 0 bytes');

  // Restoring the snapshot brings the changed sector back: the guest's disk as it was then.
  await snapshots.restore(saved);
  await lab.run(`clear; ${sector}`, /63 61 6d 62 69 61 64 6f/);
});

test('junk and a truncated ISO are refused, saying why', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&tool=add');
  const input = addGuestPanel(page).getByTestId('image-input');
  const found = page.getByRole('group', { name: 'What the file is' });

  await input.setInputFiles({
    name: 'notas.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('esto no es un disco\n'.repeat(2000)),
  });
  await expect(found.getByRole('alert')).toContainText('Not a bootable image');
  await expect(page.getByRole('button', { name: 'Boot in a new machine' })).toHaveCount(0);

  await input.setInputFiles({
    name: 'cortada.iso',
    mimeType: 'application/octet-stream',
    buffer: iso.subarray(0, 2 * 1024 * 1024),
  });
  await expect(found.getByRole('alert')).toContainText(
    // (sizes written as English writes numbers: 4,194,304)
    `The ISO says it is ${iso.length.toLocaleString('en')} bytes but the file has ${(2 * 1024 * 1024).toLocaleString('en')}: it was cut short`,
  );
  await expect(page.getByRole('button', { name: 'Boot in a new machine' })).toHaveCount(0);
});
