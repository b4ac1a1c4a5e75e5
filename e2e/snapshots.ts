// The snapshot panel as a test sees it, and snapshot files as a test edits them.
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export class SnapshotPanel {
  readonly list: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Snapshots' });
    this.list = this.panel.getByRole('list', { name: 'Snapshots', exact: true });
  }

  entries(): Locator {
    return this.list.getByRole('listitem');
  }

  entry(name: string | RegExp): Locator {
    return this.list.getByRole('listitem', { name });
  }

  /** Exports the snapshot `name` as a file (a download); its bytes. */
  async exportFile(name: string): Promise<Buffer> {
    const download = this.page.waitForEvent('download');
    await this.entry(name).getByRole('button', { name: 'Export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.aula86snap$/);
    return readFileSync(await file.path());
  }

  /** Saves a snapshot and waits until it is listed; returns its (default) name. */
  async save(): Promise<string> {
    const before = await this.entries().count();
    await this.panel.getByRole('button', { name: 'Save snapshot' }).click();
    await expect(this.panel.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
    await expect(this.entries()).toHaveCount(before + 1);
    return (await this.entries().first().getAttribute('aria-label')) ?? '';
  }

  /** Saves every machine and the network as the lab snapshot `name`, and waits until listed. */
  async saveLab(name: string): Promise<void> {
    await this.panel.getByLabel('Name of the lab snapshot').fill(name);
    await this.panel.getByRole('button', { name: 'Save the whole lab' }).click();
    await expect(
      this.panel.getByRole('status').filter({ hasText: /^Saved the lab/ }),
    ).toBeVisible();
    await expect(this.labEntry(name)).toBeVisible();
  }

  labEntry(name: string): Locator {
    return this.panel
      .getByRole('list', { name: 'Lab snapshots' })
      .getByRole('listitem')
      .filter({ hasText: name });
  }

  async restoreLab(name: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Restore the lab snapshot ${name}` }).click();
    await expect(
      this.panel.getByRole('status').filter({ hasText: /^Restored the lab/ }),
    ).toBeVisible({ timeout: 60_000 });
  }

  async restore(name: string): Promise<void> {
    await this.entry(name).getByRole('button', { name: 'Restore' }).click();
    await expect(this.panel.getByRole('status').filter({ hasText: /^Restored/ })).toBeVisible();
  }

  /** Renames the snapshot called `from` (the panel may give it another name: see names.ts). */
  async rename(from: string, to: string): Promise<void> {
    await this.entry(from).getByRole('button', { name: 'Rename' }).click();
    await this.panel.getByLabel('Snapshot name').fill(to);
    await this.panel.getByRole('button', { name: 'Save name' }).click();
  }

  async importFile(file: { name: string; buffer: Buffer } | string): Promise<void> {
    const input = this.panel.locator('input[type=file]');
    await input.setInputFiles(
      typeof file === 'string' ? file : { ...file, mimeType: 'application/octet-stream' },
    );
  }

  error(): Locator {
    return this.panel.getByRole('alert');
  }
}

/**
 * An exported snapshot file with its JSON header edited (docs/snapshot-format.md), and
 * optionally another payload (its declared size follows).
 */
export function editedSnapshotFile(
  file: Buffer,
  edit: (header: { meta: Record<string, unknown>; payloadSize: number }) => void,
  payload?: Buffer,
): Buffer {
  const length = file.readUInt32LE(12);
  const header = JSON.parse(file.subarray(16, 16 + length).toString('utf8')) as {
    meta: Record<string, unknown>;
    payloadSize: number;
  };
  const body = payload ?? file.subarray(16 + length);
  header.payloadSize = body.length;
  edit(header);
  const json = Buffer.from(JSON.stringify(header));
  const fixed = Buffer.from(file.subarray(0, 16));
  fixed.writeUInt32LE(json.length, 12);
  return Buffer.concat([fixed, json, body]);
}
