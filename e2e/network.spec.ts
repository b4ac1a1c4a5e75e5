// Lesson: a virtual network. Each machine has a network card plugged into a switch of the lab;
// the lab's DHCP service gives it an address, and every frame the switch carries is on screen.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { NetworkPanel, openTwoOnOneSwitch } from './network';
import { SnapshotPanel } from './snapshots';
import { LessonPane } from './lessons';

test('two machines on one switch get addresses by DHCP and ping each other; tcpdump reads the capture', async ({
  page,
}) => {
  const { pc1, pc2, network, address1, address2 } = await openTwoOnOneSwitch(page);

  await pc2.run(
    `ping -c 3 ${address1}`,
    /3 packets transmitted, 3 packets received, 0% packet loss/,
  );
  // The guest sees the same address the lab shows.
  await pc1.run('ip -4 addr show eth0', new RegExp(`inet ${address1.replace(/\./g, '\\.')}/24`));

  // The switch carried the echo requests and the replies, and the packet view shows them.
  await network.showPackets({ protocol: 'icmp' });
  await expect(network.packet(/ICMP echo request id=\d+ seq=2/)).toHaveCount(1);
  await expect(network.packet(/ICMP echo reply id=\d+ seq=2/)).toHaveCount(1);

  // Exported as pcap, the capture is read by tcpdump (as by Wireshark): the DHCP exchange, the
  // ARP question, and the echoes.
  const download = await network.exportPcap();
  expect(download.suggestedFilename()).toMatch(/^aula86-LAN-A-.*\.pcap$/);
  const read = execFileSync('tcpdump', ['-n', '-r', await download.path()], { encoding: 'utf8' });
  expect(read).toMatch(/BOOTP\/DHCP, Request from/);
  expect(read).toMatch(new RegExp(`ARP, Request who-has ${address1} tell ${address2}`));
  expect(read).toMatch(new RegExp(`${address2} > ${address1}: ICMP echo request`));
  expect(read).toMatch(new RegExp(`${address1} > ${address2}: ICMP echo reply`));
});

test('a file sent with nc arrives with the same checksum; a web page crosses too', async ({
  page,
}) => {
  const { pc1, pc2, address1 } = await openTwoOnOneSwitch(page);

  await pc2.run(
    'dd if=/dev/urandom of=/root/data bs=1024 count=256 2>/dev/null; md5sum /root/data',
    /^[0-9a-f]{32} {2}\/root\/data$/m,
  );
  const sent = /^([0-9a-f]{32}) {2}\/root\/data$/m.exec(await pc2.screenText())![1]!;
  await pc1.type('nc -l -p 7000 > /root/got; md5sum /root/got');
  // The listener may take a moment to start: the sender tries until it connects.
  await pc2.run(`until nc ${address1} 7000 < /root/data; do sleep 0.2; done; echo sent`, /^sent$/m);
  await pc1.expectScreen(new RegExp(`^${sent}  /root/got$`, 'm'));

  // A web server on pc1, read from pc2; and each guest knows its own address.
  await pc1.run(
    'mkdir -p /www; echo served-by-pc1 > /www/index.html; httpd -h /www; echo up',
    /^up$/m,
  );
  await pc2.run(`wget -qO- http://${address1}/`, /^served-by-pc1$/m);
  await pc1.run('hostname -i', new RegExp(`^${address1.replace(/\./g, '\\.')}$`, 'm'));

  // A remote shell: telnet from pc2 into pc1, where `hostname` answers pc1.
  await pc1.run('telnetd -l /bin/sh; echo listening', /^listening$/m);
  await pc2.run(`telnet ${address1}`, /Entering character mode|Escape character/);
  await pc2.run('hostname', /^pc1\r?$/m);
  await pc2.run('exit', /Connection closed/);
});

test('machines on different switches cannot reach each other until a router forwards', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('lang=en&machines=3');
  const [pc1, pc2, pc3] = ['pc1', 'pc2', 'pc3'].map((name) => lab.machine(name));
  for (const machine of [pc1!, pc2!, pc3!]) await machine.waitForPrompt();
  const network = new NetworkPanel(page);
  await network.plug('pc2', 'LAN-B');
  const address1 = await network.addressOf('pc1');
  const address2 = await network.addressOf('pc2');
  expect(address2).toMatch(/^10\.0\.2\./);

  // Two switches, no router: nothing crosses.
  await pc1!.run(`ping -c 1 -W 1 ${address2}`, /1 packets transmitted, 0 packets received/);

  // pc3's one card becomes a trunk into both switches (802.1Q): the router, at 10.0.x.1.
  await network.plug('pc3', 'trunk');
  await expect(network.card('pc3').locator('td.address')).toHaveText('10.0.1.1/24, 10.0.2.1/24');
  await pc3!.run('ip -4 -o addr | grep eth0\\.', /eth0\.2 +inet 10\.0\.2\.1\/24/);
  // Still nothing: Linux does not forward between interfaces until told to.
  await pc1!.run(`ping -c 1 -W 1 ${address2}`, /1 packets transmitted, 0 packets received/);
  await pc3!.run('echo 1 > /proc/sys/net/ipv4/ip_forward; echo forwarding', /^forwarding$/m);
  await pc1!.run(`ping -c 2 ${address2}`, /2 packets transmitted, 2 packets received/);
  // The reply came back through the router: one hop less in its TTL.
  await pc1!.expectScreen(new RegExp(`from ${address2.replace(/\./g, '\\.')}: seq=1 ttl=63`));
  void address1;
});

test('a machine in another tab joins the same switch', async ({ page, context }) => {
  const lab = new Lab(page);
  await lab.bootToShell();
  const network = new NetworkPanel(page);
  const here = await network.addressOf('pc1');

  const other = await context.newPage();
  const otherLab = new Lab(other);
  await otherLab.bootToShell();
  const there = await new NetworkPanel(other).addressOf('pc1');
  expect(there).not.toBe(here);

  // Each tab's pc1 is a different machine; the switch "LAN-A" spans both tabs.
  await otherLab.run(`ping -c 2 ${here}`, /2 packets transmitted, 2 packets received/);
  // This tab's packet view shows the machine in the other tab as a sender.
  await network.showPackets({ protocol: 'icmp' });
  await expect(network.packet(/ICMP echo request/).first()).toContainText('pc1 ⇄');
});

test('measuring the network compares the NE2000 with virtio-net, out of the students’ shells, and puts their machines back as they were; a card can stay an NE2000', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { lab, pc1, pc2, network } = await openTwoOnOneSwitch(page);
  const mac = await network.card('pc2').locator('code').innerText();
  // What a student set up before: it must survive the measurement.
  await pc2.run('echo set-up-by-a-student > /root/mine; export MINE=kept; echo ready', /^ready$/m);
  // The Paravirtual lesson is walked on the way: its last checked step is this measurement.
  const lesson = new LessonPane(page);
  await lesson.openLesson('Paravirtual and emulated devices');
  await lesson.button('I have read it').click();
  await pc1.run(
    'readlink /sys/class/net/eth0/device/driver | tee /root/driver.txt',
    /virtio_net$/m,
  );
  await expect(lesson.state(2)).toHaveText('done');
  await lesson.expectStep('Measure both cards');
  // 1 MB each way keeps the lesson short; the lab's default is 4 MB (and npm run bench uses it).
  const measure = await lab.openTool('Network measurement');
  await measure.getByLabel('Transfer size').selectOption('1');
  await measure.getByRole('button', { name: 'Measure the network' }).click();
  // The student types meanwhile: the line waits, said so, and is not mixed into the measurement.
  await pc1.type('echo typed-while-measuring');
  await expect(pc1.pane.getByText('In use by the network measurement')).toBeVisible();
  const results = measure.getByRole('table', { name: 'Measure the network' });
  for (const kind of ['ne2k', 'virtio']) {
    const row = results.locator(`tr[data-kind="${kind}"]`);
    await expect(row.locator('.checksum')).toHaveText('equal', { timeout: 180_000 });
    await expect(row.locator('.throughput')).toHaveText(/^\d[\d.,]* MB\/s$/);
    await expect(row.locator('.rtt')).toHaveText(/^\d[\d.,]* ms$/);
  }
  await expect(measure.getByRole('status')).toContainText(/as fast as the NE2000/);
  await lesson.show();
  await expect(lesson.state(3)).toHaveText('done');
  // Both machines are back as they were: pc2's file, its shell's variable, its card.
  await pc2.run('cat /root/mine; echo $MINE', /^set-up-by-a-student\nkept$/m);
  await pc2.run('basename $(readlink /sys/class/net/eth0/device/driver)', /^virtio_net$/m);
  // Then the line reaches pc1's shell whole; neither terminal ever showed the lab's commands.
  await pc1.expectScreen(/^typed-while-measuring$/m);
  for (const machine of [pc1, pc2]) {
    await machine.show();
    const screen = await machine.screenText();
    expect(screen).not.toMatch(/ping -c|md5sum|nc -l|aula-net/);
  }

  // The card is the user's choice too: pc2 restarts with an NE2000 and keeps its MAC.
  await network.setCard('pc2', 'ne2k');
  await pc2.waitForPrompt();
  await pc2.run('basename $(readlink /sys/class/net/eth0/device/driver)', /^ne2k-pci$/m);
  await pc2.run('cat /sys/class/net/eth0/address', new RegExp(`^${mac}$`, 'm'));
  const address2 = await network.addressOf('pc2');
  await pc1.run(`ping -c 1 ${address2}`, /1 packets received/);
});

test('a lab snapshot brings back every machine and its network; they ping each other again', async ({
  page,
}) => {
  const { pc2, network, address1 } = await openTwoOnOneSwitch(page);
  const mac2 = await network.card('pc2').locator('code').innerText();
  await pc2.run('echo lab-file > /root/note; echo written', /^written$/m);

  const snapshots = new SnapshotPanel(page);
  await snapshots.saveLab('lesson');
  await expect(snapshots.labEntry('lesson')).toContainText('2 machines: pc1, pc2');

  // The lab changes: pc2 is removed, pc1 moves to another switch.
  await pc2.pane.getByRole('button', { name: 'Remove' }).click();
  await expect(pc2.tab).toHaveCount(0);
  await network.plug('pc1', 'LAN-B');

  await snapshots.restoreLab('lesson');
  await pc2.waitForPrompt();
  await pc2.run('cat /root/note', /^lab-file$/m);
  // pc2 has its card's MAC again, and both are on LAN-A, reaching each other.
  await pc2.run('cat /sys/class/net/eth0/address', new RegExp(`^${mac2}$`, 'm'));
  await network.show();
  await expect(network.card('pc1').locator('select').nth(1)).toHaveValue('LAN-A');
  await pc2.run(`ping -c 2 ${address1}`, /2 packets transmitted, 2 packets received/);
});
