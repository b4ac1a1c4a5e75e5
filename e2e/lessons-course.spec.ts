// The course's lessons, walked as a student does: commands typed in the terminal, tools clicked,
// and each step turning done only after the real action. Lessons that only ask the guest share a
// booted lab (each keeps its answers in files of its own, so one cannot pass another's step).
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { CostPanel } from './cost';
import { LessonPane } from './lessons';
import { MigrationTool } from './migration';
import { NetworkPanel } from './network';

test('Popek y Goldberg, Hipervisores y Contenedores, en español, en un mismo invitado', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('lang=es&tool=lessons');
  await lab.expectScreen(/^root@pc1:~#$/m);
  const lesson = new LessonPane(page, 'Lecciones');

  await test.step('Popek y Goldberg: cada instrucción, en la CPU del invitado', async () => {
    await lesson.openLesson('Popek y Goldberg');
    await lesson.button('Ya lo he leído').click();
    await lesson.expectStep('Las privilegiadas se atrapan');
    // Done wrong (the sensitive ones instead of the privileged): not yet.
    await lab.run(
      'aula-popek sgdt',
      /^ +SGDT +sensible +sin trampa: GDT del kernel en 0x[0-9a-f]{8}/m,
    );
    await lesson.button('Comprobar').click();
    await expect(lesson.state(2)).toHaveText('todavía no');
    await expect(lesson.pane.getByRole('alert')).toContainText('aula-popek hlt cli');

    await lab.run('aula-popek hlt cli', /^ +CLI +privilegiada atrapada: la CPU lanzó #GP/m);
    await lab.expectScreen(/^ +HLT +privilegiada atrapada: .*\(SIGSEGV\)$/m);
    await expect(lesson.state(2)).toHaveText('hecho');
    await lab.run(
      'aula-popek sgdt sidt smsw',
      /^ +SMSW +sensible +sin trampa: bits bajos de CR0: 0x[0-9a-f]{4}/m,
    );
    await expect(lesson.state(3)).toHaveText('hecho');
    await lab.run('aula-popek popf', /^ +POPF +sensible +sin trampa: pidió IF=0, IF sigue a 1/m);
    await expect(lesson.state(4)).toHaveText('hecho');
    await lab.run('aula-popek', /^Sensibles pero no privilegiadas: 4 de 4\.$/m);
    await lab.expectScreen(/^Popek y Goldberg: este x86 no se puede virtualizar/m);
    await expect(lesson.pane.getByTestId('lesson-progress')).toHaveText('5 de 5 pasos hechos');
  });

  await test.step('Hipervisores: lo que el invitado sabe de sus capas', async () => {
    await lesson.button('Todas las lecciones').click();
    await lesson.openLesson('Hipervisores de tipo 1 y de tipo 2');
    await lesson.button('Ya lo he leído').click();
    await lesson.expectStep('El relato del invitado sobre su máquina');
    await lesson.button('Escríbelo por mí').click();
    await lab.expectScreen(/^Linux version 6\.1\./m);
    await expect(lesson.state(2)).toHaveText('hecho');
    await lab.run(
      'grep -o -w hypervisor /proc/cpuinfo | tee /root/hypervisor.txt',
      /^hypervisor$/m,
    );
    await expect(lesson.state(3)).toHaveText('hecho');
    await lesson.button('Ya lo he leído').click();
    await expect(lesson.pane.getByTestId('lesson-progress')).toHaveText('4 de 4 pasos hechos');
  });

  await test.step('Contenedores: espacios de nombres, chroot y un límite de cgroup', async () => {
    await lesson.button('Todas las lecciones').click();
    await lesson.openLesson('Contenedores, virtualización a nivel de SO');
    // The name changed only inside the namespace: the check asks the guest for both.
    await lab.run(
      "unshare -u sh -c 'hostname box; hostname | tee /root/uts.txt'; hostname",
      /^box\npc1$/m,
    );
    await expect(lesson.state(1)).toHaveText('hecho');
    await lab.run("unshare -p -f --mount-proc sh -c 'echo $$ > /root/pid.txt; ps'", /^ +1 root/m);
    await expect(lesson.state(2)).toHaveText('hecho');
    await lab.run('unshare -n ip link | tee /root/net.txt', /^1: lo: <LOOPBACK>/m);
    await expect(lesson.state(3)).toHaveText('hecho');
    await lab.run(
      'mkdir -p /srv/box/bin && cp /bin/busybox /srv/box/bin/ && echo copied',
      /^copied$/m,
    );
    await lab.run('chroot /srv/box /bin/busybox ls / | tee /root/root.txt', /^bin$/m);
    await expect(lesson.state(4)).toHaveText('hecho');
    // A limit set but never reached is not the step: a shell in the group must be refused.
    await lab.run('echo "+pids +memory" > /sys/fs/cgroup/cgroup.subtree_control; echo on', /^on$/m);
    await lab.run(
      'mkdir -p /sys/fs/cgroup/box && echo 4 > /sys/fs/cgroup/box/pids.max && echo limited',
      /^limited$/m,
    );
    await lesson.button('Comprobar').click();
    await expect(lesson.state(5)).toHaveText('todavía no');
    await lab.run(
      "sh -c 'echo $$ > /sys/fs/cgroup/box/cgroup.procs; for i in 1 2 3 4 5 6; do sleep 1 & done; wait'",
      /can't fork/,
    );
    await expect(lesson.state(5)).toHaveText('hecho');
  });
});

test('Emulation and its cost: the benchmark with the JIT on and off turns the step done', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&tool=lessons');
  const lesson = new LessonPane(page);
  await lesson.openLesson('Emulation and its cost');
  await lesson.button('I have read it').click();
  await lab.run(
    'aula-bench int | tee /root/bench.txt',
    /^aula-bench: int sum=[0-9a-f]{8} ns=\d+$/m,
  );
  await expect(lesson.state(2)).toHaveText('done');
  await lesson.expectStep('Measure the ladder');

  // With the JIT on only, the step stays to do.
  const cost = new CostPanel(page);
  await cost.show();
  await cost.choose(['Integer (CRC-32)'], ['Guest, JIT on'], 1);
  await cost.runAndWait();
  await lesson.show();
  await lesson.button('Check').click();
  await expect(lesson.state(3)).toHaveText('not yet');

  await cost.show();
  await cost.choose(['Integer (CRC-32)'], ['Guest, JIT on', 'Guest, JIT off'], 1);
  await cost.runAndWait();
  await lesson.show();
  await expect(lesson.state(3)).toHaveText('done');
  await lesson.expectStep('Why hardware-assisted virtualization avoids this');
});

test('Virtual networks: pc2 is added, pings pc1 at its fixed address, the switch saw the answer', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&tool=lessons');
  const lesson = new LessonPane(page);
  await lesson.openLesson('Virtual networks');
  await lesson.button('Check').click();
  await expect(lesson.pane.getByRole('alert')).toContainText('needs the machine pc2');

  const pc2 = await lab.addMachine('pc2');
  await pc2.waitForPrompt();
  await expect(lesson.state(1)).toHaveText('done');
  await lesson.expectStep('pc2 pings pc1');
  // A ping to an address nobody has is not the step.
  await pc2.run('ping -c 1 -W 1 10.0.1.99', /1 packets transmitted, 0 packets received/);
  await lesson.button('Check').click();
  await expect(lesson.state(2)).toHaveText('not yet');

  await lesson.button('Type it for me').click();
  await pc2.expectScreen(/3 packets transmitted, 3 packets received/);
  await expect(lesson.state(2)).toHaveText('done');
  // What the packet view showed is what the check read.
  const network = new NetworkPanel(page);
  await network.showPackets({ protocol: 'icmp' });
  await expect(network.packet(/echo reply/).first()).toBeVisible();

  await lesson.show();
  await pc2.run('ip neigh | tee /root/neigh.txt', /^10\.0\.1\.11 dev eth0 lladdr/m);
  await expect(lesson.state(3)).toHaveText('done');
  await lesson.button('I have read it').click(); // what the switch learned

  // A second LAN: pc3 on LAN-B gets its fixed address there, and pc1 cannot reach it.
  const pc3 = await lab.addMachine('pc3');
  await pc3.waitForPrompt();
  await network.plug('pc3', 'LAN-B');
  expect(await network.addressOf('pc3')).toBe('10.0.2.13');
  await lesson.show();
  await expect(lesson.state(5)).toHaveText('done');
  await lab
    .machine('pc1')
    .run('ping -c 1 -W 1 10.0.2.13', /1 packets transmitted, 0 packets received/);

  // pc2 becomes the router; forwarding is what the student types into it.
  await network.plug('pc2', 'trunk');
  await expect(network.card('pc2').locator('td.address')).toHaveText('10.0.1.1/24, 10.0.2.1/24');
  await lesson.show();
  await lesson.button('Check').click();
  await expect(lesson.state(6)).toHaveText('not yet');
  await lesson.button('Type it for me').click();
  await expect(lesson.state(6)).toHaveText('done');

  // pc1's ping crosses both switches: asked on LAN-A, answered by pc3 on LAN-B.
  await lesson.button('Type it for me').click();
  await lab.machine('pc1').expectScreen(/3 packets transmitted, 3 packets received/);
  await expect(lesson.state(7)).toHaveText('done');

  // Start over: the lab is pc1 alone again, fresh, and every step is to do.
  await lesson.button('Start over').click();
  await expect(lesson.pane.getByRole('group', { name: 'Start over' })).toContainText(
    'The lab is set up as the lesson starts: pc1',
  );
  await lesson.pane
    .getByRole('group', { name: 'Start over' })
    .getByRole('button', { name: 'Start over' })
    .click();
  await expect(page.getByRole('tab', { name: /^pc[23]\b/ })).toHaveCount(0);
  await expect(lesson.state(1)).toHaveText('to do');
  await lab.machine('pc1').waitForPrompt();
});

test('Live migration, walked as the lesson says: a second host, a clock and a file that go on, live there and stopped back, each move checked and kept in the lab’s history', async ({
  page,
}) => {
  test.setTimeout(180_000); // two hosts, and two moves
  const hostA = new Lab(page);
  await hostA.bootToShell('lang=en&tool=lessons');
  const lesson = new LessonPane(page);
  await lesson.openLesson('Live migration');
  // Alone, this tab sees no other host: the first step is not done.
  await lesson.button('Check').click();
  await expect(lesson.state(1)).toHaveText('not yet');

  // The step's link opens the Migration tool; its button opens host B in a window of its own.
  await lesson.pane.getByRole('link', { name: 'Migration' }).click();
  const toolA = new MigrationTool(page);
  const opened = page.context().waitForEvent('page');
  await toolA.pane.getByRole('button', { name: 'Open another host' }).click();
  const pageB = await opened;
  const hostB = new Lab(pageB);
  await hostB.waitForPrompt();
  await toolA.expectHost('host B');
  await lesson.show();
  await expect(lesson.state(1)).toHaveText('done');

  // A file, and a clock in the background of pc1 (its process number kept); not before.
  await lesson.button('Check').click();
  await expect(lesson.state(2)).toHaveText('not yet');
  await hostA.run(
    'echo kept-across-hosts > /root/marker; cat /root/marker',
    /^kept-across-hosts$/m,
  );
  await lesson.button('Type it for me').click();
  await hostA.expectScreen(/^\d\d:\d\d:\d\d$/m);
  await lesson.button('Check').click();
  await expect(lesson.state(2)).toHaveText('done');

  // pc1 goes live, from its own Migrate… menu; host A lets it go.
  await toolA.moveByMenu('pc1', 'host B');
  await expect(toolA.pane.getByRole('status')).toHaveText('pc1 now runs on host B.');
  const downtime = await toolA.lastDowntimeMs();
  expect(downtime).toBeGreaterThan(0);
  expect(downtime).toBeLessThan(2000);
  await expect(page.getByRole('tab', { name: /^pc1\b/ })).toHaveCount(0);
  await lesson.show();
  await expect(lesson.state(3)).toHaveText('done');

  // Host B had a pc1 of its own: the machine that came is pc2 there, with pc1's terminal, its
  // file, and its clock still running. (Its prompt is drawn again under the new name only when
  // the guest answers the rename in time: on a loaded machine it may read pc1 until the next
  // command.)
  const arrived = hostB.machine('pc2');
  await arrived.expectScreen(/^kept-across-hosts$/m);
  await expect(arrived.status).toContainText('Running');
  // (One line each: the clock prints its own lines between them.)
  await arrived.run('echo "marker: $(cat /root/marker)"', /^marker: kept-across-hosts$/m);
  await arrived.run('echo "name: $(hostname)"', /^name: pc2$/m);
  await arrived.run(
    'test -s /root/clock.pid && kill -0 "$(cat /root/clock.pid)" && echo clock-goes-on',
    /^clock-goes-on$/m,
  );
  await lesson.button('I have read it').click();
  await lesson.expectStep('Back, stopped');

  // Back stopped: the step asks for a stopped move (a live one would not pass it).
  await new MigrationTool(pageB).moveByMenu('pc2', 'host A', false);
  await lesson.show();
  await expect(lesson.state(5)).toHaveText('done');
  await hostA
    .machine('pc2')
    .run(
      'test -s /root/clock.pid && kill -0 "$(cat /root/clock.pid)" && echo clock-came-back',
      /^clock-came-back$/m,
    );

  // The lab keeps its migrations: host B lists both, and host A still after a reload.
  const toolB = new MigrationTool(pageB);
  await toolB.open();
  await expect(toolB.history.locator(':scope > li')).toHaveCount(2);
  await expect(toolB.history).toContainText('pc1: host A → host B, live (pre-copy)');
  await page.reload();
  await toolA.open();
  await expect(toolA.history).toContainText('pc2: host B → host A, stopped');
});
