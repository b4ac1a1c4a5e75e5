// Lesson: live migration. Each tab of the lab is a host. A running machine moves from host A to
// host B while its guest runs: its files, its running programs and its terminal go with it, the
// pause (the downtime) is shown in milliseconds, and host A no longer runs it. A host that could
// not run it (another version of the lab) is refused before anything is sent.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { MigrationTool } from './migration';
import { NetworkPanel } from './network';
import { Screen } from './screen';

// A running machine moving live to another tab, its files, its running loop and its terminal
// going on there, and the lab's history of it: walked as the Live migration lesson
// (lessons-course.spec.ts).

test('a host of another version is refused before anything is sent; the machine goes on here', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.bootToShell('lang=en');
  // Another lab, of another version, says it is here (and records what it is sent).
  await page.evaluate(() => {
    const channel = new BroadcastChannel('aula86-hosts');
    const heard: unknown[] = [];
    (window as unknown as { heardByOld: unknown[] }).heardByOld = heard;
    channel.onmessage = (e: MessageEvent) => heard.push(e.data);
    const host = { id: 'old-lab-0001', name: 'old lab', version: '0.0.1/0.5.1', closed: false };
    channel.postMessage({ kind: 'here', host });
  });
  const tool = new MigrationTool(page);
  await tool.open();
  await tool.expectHost('old lab');
  await tool.move('pc1', 'old lab');
  await expect(tool.pane.getByRole('alert')).toHaveText(
    'That host runs another version of the lab or of v86: nothing was sent.',
  );
  const heard = await page.evaluate(
    () => (window as unknown as { heardByOld: Array<{ kind: string }> }).heardByOld,
  );
  expect(heard.filter((m) => m.kind === 'offer')).toEqual([]);
  await lab.run('echo still-here', /^still-here$/m);
  await expect(page.getByRole('tab', { name: /^pc1\b/ })).toHaveCount(1);
});

test('the other host closes while it makes ready to take the machine: the machine goes on here, and the user is told', async ({
  page,
}) => {
  const hostA = new Lab(page);
  await hostA.bootToShell('lang=en');
  const pageB = await page.context().newPage();
  await new Lab(pageB).bootToShell('lang=en');
  const toolA = new MigrationTool(page);
  await toolA.open();
  await toolA.expectHost('host B');
  await toolA.move('pc1', 'host B');
  // Host B starts a machine to take it in; before it is ready, host B's tab is closed.
  await expect(toolA.pane.getByRole('status')).toHaveText('Asking host B to take pc1…');
  await pageB.close();
  await expect(toolA.pane.getByRole('alert')).toHaveText(
    'That host is gone or could not start a machine to take it: the machine goes on running here.',
  );
  await expect(toolA.pane.getByRole('list', { name: 'Other hosts' })).toBeHidden();
  await hostA.run('echo still-here', /^still-here$/m);
  await expect(page.getByRole('tab', { name: /^pc1\b/ })).toHaveCount(1);
});

test('a guest with a screen moves live too: the other host shows its screen as it was, and it takes keys there', async ({
  page,
}) => {
  const hostA = new Lab(page);
  await hostA.open('lang=en&profile=tiny-screen');
  const screenA = new Screen(page);
  await screenA.expectText(/^root@pc\d:~# ?$/);
  await screenA.type('echo before-the-move');
  await screenA.expectText(/^before-the-move$/);

  const pageB = await page.context().newPage();
  await new Lab(pageB).open('lang=en&profile=tiny-screen');
  const screenB = new Screen(pageB);
  await screenB.expectText(/^root@pc\d:~# ?$/);
  const toolA = new MigrationTool(page);
  await toolA.moveByMenu('pc1', 'host B');
  await expect(toolA.pane.getByRole('status')).toHaveText('pc1 now runs on host B.');

  // On host B it is pc2 (B has a pc1 of its own): the same picture, and the keyboard works.
  const toolB = new MigrationTool(pageB);
  await toolB.open();
  await expect(toolB.pane.getByRole('status')).toHaveText(
    'pc2 came from host A and goes on running here.',
  );
  await new Lab(pageB).machine('pc2').show();
  await screenB.expectText(/^before-the-move$/);
  await screenB.type('echo after-the-move; hostname');
  await screenB.expectText(/^after-the-move$/);
  await screenB.expectText(/^pc2$/);
});

// A ping at 10 a second for 15 s (it ends by itself, waiting for its last replies: a ping
// still on its way at a Ctrl+C would count as lost) while the machine moves live.
test(
  'the network goes on: a ping at 10 a second from a machine of the other host loses at most one packet',
  { tag: '@timed' },
  async ({ page }) => {
    const hostA = new Lab(page);
    await hostA.bootToShell('lang=en');
    const address = await new NetworkPanel(page).addressOf('pc1');

    const pageB = await page.context().newPage();
    const hostB = new Lab(pageB);
    await hostB.bootToShell('lang=en');
    await new NetworkPanel(pageB).addressOf('pc1');
    // Host B's own pc1 pings host A's pc1 across the switch both tabs share.
    await hostB.run(`ping -i 0.1 -c 150 ${address}`, /seq=10 /);

    const toolA = new MigrationTool(page);
    await toolA.open();
    await toolA.expectHost('host B');
    await toolA.move('pc1', 'host B');
    await expect(toolA.pane.getByRole('status')).toHaveText('pc1 now runs on host B.');
    // The machine that came keeps its address: it is pc2 on host B now, and still answers.
    const pc2 = hostB.machine('pc2');
    await expect(pc2.tab).toBeVisible();
    await expect(new NetworkPanel(pageB).card('pc2').locator('td.address')).toHaveText(
      `${address}/24`,
    );
    const pc1 = hostB.machine('pc1');
    await pc1.show();
    // It moved while the ping ran (else this lesson proves nothing), and the ping ends.
    expect(await pc1.screenText()).not.toMatch(/packets transmitted/);
    await pc1.expectScreen(/150 packets transmitted/);
    const [, received] =
      /150 packets transmitted, (\d+) packets received/.exec(await pc1.screenText()) ?? [];
    expect(150 - Number(received)).toBeLessThanOrEqual(1);
  },
);

test('a TCP transfer under way goes on across the migration: the file arrives whole', async ({
  page,
}) => {
  const hostA = new Lab(page);
  await hostA.bootToShell('lang=en');
  await new NetworkPanel(page).addressOf('pc1');
  await hostA.run(
    'dd if=/dev/urandom of=/root/data bs=8192 count=48 2>/dev/null; md5sum /root/data',
    /^[0-9a-f]{32} {2}\/root\/data$/m,
  );
  const sent = /^([0-9a-f]{32}) {2}\/root\/data$/m.exec(await hostA.screenText())![1]!;

  const pageB = await page.context().newPage();
  const hostB = new Lab(pageB);
  await hostB.bootToShell('lang=en');
  const receiver = await new NetworkPanel(pageB).addressOf('pc1');
  await hostB.run('nc -l -p 7000 > /root/got; md5sum /root/got', /nc -l -p 7000/);
  // 8 KiB every tenth of a second: the connection is open for about 5 s, across the move.
  await hostA.run(
    `until (i=0; while [ $i -lt 48 ]; do dd if=/root/data bs=8192 skip=$i count=1 2>/dev/null; i=$((i+1)); sleep 0.1; done) | nc ${receiver} 7000; do sleep 0.2; done; echo sent-all`,
    /nc 10\./,
  );
  // This time from the machine's own menu (host B appears in it when seen), which opens the
  // Migration tool as the move starts.
  const toolA = new MigrationTool(page);
  await toolA.moveByMenu('pc1', 'host B');
  await expect(toolA.pane.getByRole('status')).toHaveText('pc1 now runs on host B.');
  // The machine moved while the file was still on its way (else this lesson proves nothing).
  expect(await hostB.machine('pc1').screenText()).not.toMatch(/^[0-9a-f]{32} {2}\/root\/got$/m);

  // (The line it ends may begin with the prompt the terminal drew again under the new name.)
  const moved = hostB.machine('pc2');
  await moved.expectScreen(/sent-all$/m);
  await hostB.machine('pc1').expectScreen(new RegExp(`^${sent}  /root/got$`, 'm'));
});
