// The snapshot panel as a test sees it, and snapshot files as a test edits them.
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { openTool } from './lab';

export class SnapshotPanel {
  /** The Snapshots tool's pane: every snapshot (open it with show()). */
  readonly panel: Locator;
  readonly list: Locator;
  /** The snapshot controls always in view under the terminal: Save, the latest, the news. */
  readonly quick: Locator;
  /** What the last snapshot act did (saved, restored, imported…), as the strip says it. */
  readonly news: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Snapshots' });
    this.list = this.panel.getByRole('list', { name: 'Snapshots', exact: true });
    this.quick = page.getByRole('group', { name: 'Latest snapshots' });
    this.news = this.quick.getByRole('status');
  }

  /** Opens the Snapshots tool (if it is not open). */
  async show(): Promise<void> {
    await openTool(this.page, 'Snapshots');
    await expect(this.panel).toBeVisible();
  }

  entries(): Locator {
    return this.list.getByRole('listitem');
  }

  entry(name: string | RegExp): Locator {
    return this.list.getByRole('listitem', { name });
  }

  /** Exports the snapshot `name` as a file (a download); its bytes. */
  async exportFile(name: string): Promise<Buffer> {
    await this.show();
    const download = this.page.waitForEvent('download');
    await this.entry(name).getByRole('button', { name: 'Export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.aula86snap$/);
    return readFileSync(await file.path());
  }

  /** Saves a snapshot (the strip's button) and waits until it is listed; returns its name. */
  async save(): Promise<string> {
    await this.show();
    const before = await this.entries().count();
    await this.quick.getByRole('button', { name: 'Save snapshot' }).click();
    await expect(this.news.filter({ hasText: /^Saved/ })).toBeVisible();
    await expect(this.entries()).toHaveCount(before + 1);
    return (await this.entries().first().getAttribute('aria-label')) ?? '';
  }

  /** Saves every machine and the network as the lab snapshot `name`, and waits until listed. */
  async saveLab(name: string): Promise<void> {
    await this.show();
    await this.panel.getByLabel('Name of the lab snapshot').fill(name);
    await this.panel.getByRole('button', { name: 'Save the whole lab' }).click();
    await expect(this.news.filter({ hasText: /^Saved the lab/ })).toBeVisible();
    await expect(this.labEntry(name)).toBeVisible();
  }

  labEntry(name: string): Locator {
    return this.panel
      .getByRole('list', { name: 'Lab snapshots' })
      .getByRole('listitem')
      .filter({ hasText: name });
  }

  async restoreLab(name: string): Promise<void> {
    await this.show();
    await this.panel.getByRole('button', { name: `Restore the lab snapshot ${name}` }).click();
    await expect(this.news.filter({ hasText: /^Restored the lab/ })).toBeVisible({
      timeout: 60_000,
    });
  }

  async restore(name: string): Promise<void> {
    await this.show();
    await this.entry(name).getByRole('button', { name: 'Restore' }).click();
    await expect(this.news.filter({ hasText: /^Restored/ })).toBeVisible();
  }

  /** Renames the snapshot called `from` (the panel may give it another name: see names.ts). */
  async rename(from: string, to: string): Promise<void> {
    await this.show();
    await this.entry(from).getByRole('button', { name: 'Rename' }).click();
    await this.panel.getByLabel('Snapshot name').fill(to);
    await this.panel.getByRole('button', { name: 'Save name' }).click();
  }

  async importFile(file: { name: string; buffer: Buffer } | string): Promise<void> {
    await this.show();
    const input = this.panel.locator('input[type=file]');
    await input.setInputFiles(
      typeof file === 'string' ? file : { ...file, mimeType: 'application/octet-stream' },
    );
  }

  /** What went wrong with the last snapshot act, as the strip says it. */
  error(): Locator {
    return this.quick.getByRole('alert');
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
