// Lesson: a virtual network. Each machine has a network card plugged into a switch of the lab;
// the lab's DHCP service gives it an address, and every frame the switch carries is on screen.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { NetworkPanel } from './network';

test('two machines on one switch get addresses by DHCP and ping each other', async ({ page }) => {
  const lab = new Lab(page);
  const [pc1, pc2] = await lab.openTwoMachines();
  const network = new NetworkPanel(page);
  const address1 = await network.addressOf('pc1');
  await network.addressOf('pc2');

  await pc2.run(`ping -c 3 ${address1}`, /3 packets transmitted, 3 packets received, 0% packet loss/);
  // The guest sees the same address the lab shows.
  await pc1.run('ip -4 addr show eth0', new RegExp(`inet ${address1.replace(/\./g, '\\.')}/24`));

  // The switch carried the echo requests and the replies, and the packet view shows them.
  await network.showPackets({ protocol: 'icmp' });
  await expect(network.packet(/ICMP echo request id=\d+ seq=2/)).toHaveCount(1);
  await expect(network.packet(/ICMP echo reply id=\d+ seq=2/)).toHaveCount(1);
});
