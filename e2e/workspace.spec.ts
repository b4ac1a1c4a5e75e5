// Lesson: one workspace, for the projector and the laptop. The terminal, the snapshot controls
// and the live speed are on one screen without scrolling; every tool opens beside the terminal
// and the terminal keeps working; the layout is remembered, a link can open a tool, two machines
// can be side by side, and presentation mode makes the terminal larger for the back row.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { Workspace } from './workspace';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}, in English and Spanish: an 80×24 terminal, Save and the speed in view, no scrolling, no text out of its box`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const lab = new Lab(page);
    const workspace = new Workspace(page, lab);
    await lab.bootToShell('lang=en');
    const [rows, columns] = await workspace.settledGuestSize();
    expect(columns).toBeGreaterThanOrEqual(80);
    expect(rows).toBeGreaterThanOrEqual(24);
    await expect(page.getByRole('button', { name: 'Save snapshot' })).toBeInViewport({
      ratio: 1,
    });
    await expect(page.getByTestId('mips')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('mips')).toHaveText(/^\d+\.\d MIPS$/);
    expect(await workspace.pageScroll()).toEqual({ vertical: 0, horizontal: 0 });
    expect(await workspace.overflowingText()).toEqual([]);

    // In Spanish (strings ~20 % longer), with a tool open beside the terminal: the same.
    await page.getByLabel('Language').selectOption('es');
    await workspace.open('Instantáneas');
    await expect(page.getByRole('button', { name: 'Guardar instantánea' })).toBeInViewport({
      ratio: 1,
    });
    await expect(page.getByTestId('mips')).toHaveText(/^\d+,\d MIPS$/);
    expect(await workspace.pageScroll()).toEqual({ vertical: 0, horizontal: 0 });
    expect(await workspace.overflowingText()).toEqual([]);
    await workspace.expectGuestColumns((c) => c >= 80 && c < columns);
    for (const tool of ['Invitado', 'Red', 'Coste de emular']) {
      await workspace.open(tool);
      expect(await workspace.overflowingText(), tool).toEqual([]);
    }
  });
}

test('each tool opens beside the terminal, which keeps answering; Escape and the close button close it', async ({
  page,
}) => {
  const lab = new Lab(page);
  const workspace = new Workspace(page, lab);
  await lab.bootToShell('lang=en');
  const tools = {
    Lessons: 'Lessons',
    Guest: 'Guest',
    Snapshots: 'Snapshots',
    Network: 'Network',
    'Network measurement': 'Network measurement',
    'Cost of emulation': 'The cost of emulation: the same work, two places',
    'Add a guest': 'Add a guest',
    'Shared folder': 'Shared folder',
    Migration: 'Migration',
  };
  for (const [tool, heading] of Object.entries(tools)) {
    await workspace.tool(tool).click();
    const pane = workspace.pane(tool);
    await expect(pane.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await expect(workspace.tool(tool)).toHaveAttribute('aria-expanded', 'true');
    await lab.run(
      `echo answered-with-${tool.replace(/\W/g, '')}`,
      `answered-with-${tool.replace(/\W/g, '')}`,
    );
  }
  // Only one is mounted at a time: the others' content is not on the page.
  await expect(page.getByRole('complementary')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Add a guest' })).toHaveCount(0);

  // Closed from the keyboard: Escape in the pane, or its close button.
  await workspace.pane('Migration').getByRole('button', { name: 'Close Migration' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await workspace.tool('Guest').focus();
  await page.keyboard.press('Enter');
  await expect(workspace.pane('Guest')).toBeVisible();
  await workspace.pane('Guest').getByRole('button', { name: 'Close Guest' }).click();
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await lab.run('echo still-here', /^still-here$/m);
});

test('a link opens a tool; its size and place are remembered across a reload', async ({ page }) => {
  const lab = new Lab(page);
  const workspace = new Workspace(page, lab);
  await lab.bootToShell('lang=en&tool=network');
  const pane = workspace.pane('Network');
  await expect(pane.getByRole('heading', { name: 'Network', exact: true })).toBeVisible();

  // Wider by keyboard (the handle between terminal and pane), then moved under the terminal.
  const handle = page.getByRole('separator', { name: 'Size of Network' });
  const before = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', String(before + 48));
  const width = (await pane.boundingBox())!.width;

  await page.reload();
  await lab.waitForPrompt();
  await expect(pane).toBeVisible();
  expect(Math.abs((await pane.boundingBox())!.width - width)).toBeLessThan(2);

  // Dragged with the mouse: 100 px to the left makes it 100 px wider.
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 100, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(handle).toHaveAttribute('aria-valuenow', String(before + 148));

  await pane.getByRole('button', { name: 'Move to the bottom' }).click();
  await expect(page.getByRole('separator', { name: 'Size of Network' })).toHaveAttribute(
    'aria-orientation',
    'horizontal',
  );
  await page.reload();
  await lab.waitForPrompt();
  await expect(page.getByRole('separator', { name: 'Size of Network' })).toHaveAttribute(
    'aria-orientation',
    'horizontal',
  );
  const paneBox = (await pane.boundingBox())!;
  const terminalBox = (await lab.terminal.boundingBox())!;
  expect(paneBox.y).toBeGreaterThan(terminalBox.y + terminalBox.height - 1);
});

test('two machines side by side: both prompts at once, each shell its own', async ({ page }) => {
  const lab = new Lab(page);
  const [pc1, pc2] = await lab.openTwoMachines();
  await pc1.show();
  await page.getByRole('button', { name: 'Side by side' }).click();
  await expect(pc1.pane).toBeInViewport();
  await expect(pc2.pane).toBeInViewport();
  await pc1.pane.locator('.xterm-screen').click();
  await page.keyboard.type('echo left-$((40+2))\n');
  await pc2.pane.locator('.xterm-screen').click();
  await page.keyboard.type('echo right-$((50+5))\n');
  // Both read at once, neither shown by a tab click in between.
  const rows = (machine: typeof pc1) => machine.pane.locator('.xterm-rows');
  await expect(rows(pc1)).toContainText('left-42');
  await expect(rows(pc2)).toContainText('right-55');
  await expect(rows(pc1)).not.toContainText('right-55');
  await expect(rows(pc1)).toContainText('root@pc1:~#');
  await expect(rows(pc2)).toContainText('root@pc2:~#');
});

test('presentation mode: a larger terminal (fewer columns in the guest), remembered; Ctrl+− makes it smaller', async ({
  page,
}) => {
  const lab = new Lab(page);
  const workspace = new Workspace(page, lab);
  await lab.bootToShell('lang=en');
  const [, columns] = await workspace.settledGuestSize();
  const fontSize = () =>
    lab.terminal.evaluate((rows) => parseFloat(getComputedStyle(rows).fontSize));
  const normal = await fontSize();

  await page.getByRole('button', { name: 'Presentation' }).click();
  await expect(page.getByRole('button', { name: 'Presentation' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(fontSize).toBeGreaterThan(normal);
  const large = await workspace.expectGuestColumns((c) => c < columns * 0.8);

  await page.reload();
  await lab.waitForPrompt();
  await expect.poll(fontSize).toBeGreaterThan(normal);

  await lab.press('Control+-');
  await lab.press('Control+-');
  await workspace.expectGuestColumns((c) => c > large);
  await page.getByRole('button', { name: 'Presentation' }).click();
  await expect.poll(fontSize).toBe(normal);
});

test('in Spanish, a frame’s details are in Spanish words and every figure has a decimal comma', async ({
  page,
}) => {
  const lab = new Lab(page);
  const workspace = new Workspace(page, lab);
  await lab.open('lang=es&tool=network');
  await expect(lab.terminal).toContainText('se ejecuta dentro de v86', { timeout: 60_000 });
  await expect(page.getByRole('status', { name: 'Estado de la máquina' })).toContainText(
    'En marcha',
  );
  // The switch the packet view shows is named (it was blank), and a frame opens in Spanish.
  const packets = page.getByRole('table', { name: 'Paquetes' });
  await expect(page.getByLabel('Tramas en')).toHaveValue('LAN-A');
  await page.getByLabel('Protocolo').selectOption({ label: 'DHCP' });
  await packets.locator('tbody tr').first().click();
  const details = page.getByRole('region', { name: /^Trama \d+$/ });
  await expect(details).toBeInViewport();
  for (const words of ['destino', 'origen', 'puerto de origen', 'longitud total', 'mensaje']) {
    await expect(details.getByText(words, { exact: true }).first()).toBeVisible();
  }
  await expect(details).not.toContainText(/source|destination|total length|request\b/);
  // A switch's ports say who is on them: the DHCP service and the link to other tabs too.
  await expect(
    page.getByText('3 puertos: servicio DHCP, enlace con las otras pestañas del laboratorio, pc1'),
  ).toBeVisible();

  // Every figure outside the terminal: decimal commas, never a decimal point.
  for (const tool of ['Invitado', 'Instantáneas', 'Red']) {
    await workspace.open(tool);
    await expect(page.getByTestId('mips')).toHaveText(/^\d+,\d MIPS$/);
    const text = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone
        .querySelectorAll('.xterm, [data-testid="screen-text"], code, pre')
        .forEach((e) => e.remove());
      return clone.innerText;
    });
    // A decimal point: one dot between digits, not part of an address, a version or a name
    // (10.0.1.0/24, 0.5.462, 802.1Q).
    const points = text.match(/(?<![\d.\p{L}])\d+\.\d{1,2}(?![\d.\p{L}])/gu) ?? [];
    expect(points, tool).toEqual([]);
  }
});
