// Lessons: the course beside the terminal. Each step turns done only when the real guest (asked
// over the agent's channel, out of the student's sight) or the lab says it was done.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { LessonPane } from './lessons';
import { SnapshotPanel } from './snapshots';

test('Snapshots lesson: save, break, restore, prove; each step checked; progress survives a reload', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.bootToShell('lang=en');
  const lesson = new LessonPane(page);
  await lesson.openLesson('Snapshots');
  await lesson.expectStep('Leave some work in the guest');

  // Checked before the work is done: not yet, with the hint; the step stays to do.
  await lesson.button('Check').click();
  await expect(lesson.pane.getByRole('alert')).toContainText('Not done yet.');
  await expect(lesson.pane.getByRole('alert')).toContainText('/root/work.txt must hold');
  await expect(lesson.state(1)).toHaveText('not yet');

  // Typed for the student: the guest has the file, and the step is done by itself.
  await lesson.button('Type it for me').click();
  await lab.expectScreen(/^root@pc1:~# echo "my work" > \/root\/work\.txt$/m);
  await expect(lesson.state(1)).toHaveText('done');
  await lesson.expectStep('Save a snapshot');

  const snapshots = new SnapshotPanel(page);
  await snapshots.quick.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(lesson.state(2)).toHaveText('done');

  // Broken by hand in the terminal (nothing of the checks appears there).
  await lab.run('rm /root/work.txt /etc/profile; echo gone', /^gone$/m);
  await expect(lesson.state(3)).toHaveText('done');
  expect(await lab.screenText()).not.toContain('test ! -e');

  // Progress is kept: after a reload the lesson opens where it was.
  await page.reload();
  await lab.waitForPrompt();
  await lesson.openLesson('Snapshots');
  await expect(lesson.pane.getByTestId('lesson-progress')).toHaveText('3 of 5 steps done');
  await lesson.expectStep('Restore the snapshot');

  // The reload brought the lab back to its boot state; the snapshot saved is still listed.
  await snapshots.quick
    .getByRole('button', { name: /^Restore / })
    .first()
    .click();
  await expect(snapshots.news.filter({ hasText: /^Restored/ })).toBeVisible();
  await expect(lesson.state(4)).toHaveText('done');
  await lab.run('cat /root/work.txt', /^my work$/m);
  await expect(lesson.state(5)).toHaveText('done');
  await expect(lesson.pane.getByRole('status')).toHaveText('Lesson complete: every step is done.');

  // A report to hand in: every step, when it was done, in the page's language.
  await lesson.pane.getByLabel('Your name (for the report)').fill('Ana');
  const download = page.waitForEvent('download');
  await lesson.button('Download my progress').click();
  const report = await download;
  expect(report.suggestedFilename()).toMatch(/^aula86-snapshots-\d{4}-\d{2}-\d{2}\.txt$/);
  const text = readFileSync(await report.path(), 'utf8');
  expect(text).toContain('Student: Ana');
  expect(text).toContain('5 of 5 steps done');
  expect(text).toMatch(/^5\. Prove that it is back: done \S/m);

  // Start over: asked first, then every step to do again from a fresh pc1 (the work is gone).
  await lesson.button('Start over').click();
  const ask = lesson.pane.getByRole('group', { name: 'Start over' });
  await expect(ask).toContainText('go back to a fresh start: pc1.');
  await ask.getByRole('button', { name: 'Start over' }).click();
  await expect(lesson.pane.getByTestId('lesson-progress')).toHaveText('0 of 5 steps done');
  await lab.waitForPrompt();
  await lab.run('ls /root/work.txt', /No such file or directory/);
  await expect(lesson.state(1)).toHaveText('to do');
});

test('Anfitrión e invitado, en español: la CPU, la memoria y el kernel del invitado', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('lang=es&tool=lessons');
  await lab.expectScreen(/^root@pc1:~#$/m);
  const lesson = new LessonPane(page, 'Lecciones');
  await lesson.openLesson('Anfitrión e invitado');
  await lesson.expectStep('La CPU que el invitado cree tener');

  // Done wrong (another line in the file): not yet.
  await lab.run('echo "model name : mine" > /root/cpu.txt; echo ok', /^ok$/m);
  await lesson.button('Comprobar').click();
  await expect(lesson.state(1)).toHaveText('todavía no');
  await expect(lesson.pane.getByRole('alert')).toContainText('Pista');

  await lab.run('grep -m1 "model name" /proc/cpuinfo | tee /root/cpu.txt', /^model name\s*:/m);
  await expect(lesson.state(1)).toHaveText('hecho');
  await lab.run('free -m | tee /root/ram.txt', /^Mem:/m);
  await expect(lesson.state(2)).toHaveText('hecho');
  await lab.run('uname -r > /root/kernel.txt; cat /root/kernel.txt', /^\d+\.\d+\.\d+/m);
  await expect(lesson.state(3)).toHaveText('hecho');
  // A step to read: done when the student says so.
  await lesson.button('Ya lo he leído').click();
  await expect(lesson.pane.getByTestId('lesson-progress')).toHaveText('4 de 4 pasos hechos');
});

test('a teacher lesson with a mistake is refused with its line and field', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('lang=en&tool=lessons');
  const lesson = new LessonPane(page);
  await expect(lesson.button('Load a lesson file')).toBeVisible();
  // A teacher's file with one text left untranslated.
  const fixed = readFileSync(new URL('./fixtures/minimal-lesson.yaml', import.meta.url), 'utf8');
  const file = fixed.replace('{ en: One, es: Uno }', '{ en: One }');
  await lesson.pane.getByTestId('lesson-file').setInputFiles({
    name: 'mine.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(file),
  });
  await expect(lesson.pane.getByRole('alert')).toContainText(
    'mine.yaml, line 7: steps[0].title.es',
  );

  // Fixed, and dropped on the pane instead of picked, it opens at its first step.
  const dropped = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'mine.yaml', { type: 'text/yaml' }));
    return data;
  }, fixed);
  await lesson.pane
    .getByRole('group', { name: 'Load a lesson file' })
    .dispatchEvent('drop', { dataTransfer: dropped });
  await lesson.expectStep('One');
});
