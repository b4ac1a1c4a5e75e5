// The network panel as a test sees it: the table of network cards (one row per machine), the
// switches and the packet view.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { Lab, openTool, type Machine } from './lab';

export class NetworkPanel {
  readonly section: Locator;
  readonly cards: Locator;
  readonly packets: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Network' });
    this.cards = this.section.getByRole('table', { name: 'Network cards' });
    this.packets = this.section.getByRole('table', { name: 'Packets' });
  }

  /** Opens the Network tool (if it is not open). */
  async show(): Promise<void> {
    await openTool(this.page, 'Network');
  }

  card(machine: string): Locator {
    return this.cards.locator(`tr[data-machine="${machine}"]`);
  }

  /** Waits until `machine`'s guest has an IPv4 address (from DHCP) and returns it. */
  async addressOf(machine: string): Promise<string> {
    await this.show();
    const cell = this.card(machine).locator('td.address');
    await expect(cell).toHaveText(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
    return (await cell.innerText()).split('/')[0]!;
  }

  /** Plugs `machine`'s card into the switch `lan` ("" unplugs it). */
  async plug(machine: string, lan: string): Promise<void> {
    await this.show();
    await this.section.getByRole('combobox', { name: `Switch of ${machine}` }).selectOption(lan);
  }

  async setCard(machine: string, kind: 'virtio' | 'ne2k'): Promise<void> {
    await this.show();
    await this.section
      .getByRole('combobox', { name: `Network card of ${machine}` })
      .selectOption(kind);
  }

  async showPackets(filter: { lan?: string; protocol?: string; machine?: string }): Promise<void> {
    await this.show();
    if (filter.lan) await this.section.getByLabel('Frames on').selectOption(filter.lan);
    if (filter.protocol) await this.section.getByLabel('Protocol').selectOption(filter.protocol);
    if (filter.machine) await this.section.getByLabel('Machine').selectOption(filter.machine);
  }

  /** The packet view's row whose Info column matches `info`. */
  packet(info: RegExp): Locator {
    return this.packets.locator('tbody tr').filter({ hasText: info });
  }

  async exportPcap(): Promise<Download> {
    await this.show();
    const download = this.page.waitForEvent('download');
    await this.section.getByRole('button', { name: 'Export pcap' }).click();
    return download;
  }
}

/** Opens the lab with two machines on LAN-A and waits until both have their DHCP addresses. */
export async function openTwoOnOneSwitch(page: Page): Promise<{
  lab: Lab;
  pc1: Machine;
  pc2: Machine;
  network: NetworkPanel;
  address1: string;
  address2: string;
}> {
  const lab = new Lab(page);
  const [pc1, pc2] = await lab.openTwoMachines();
  const network = new NetworkPanel(page);
  const address1 = await network.addressOf('pc1');
  const address2 = await network.addressOf('pc2');
  return { lab, pc1, pc2, network, address1, address2 };
}
