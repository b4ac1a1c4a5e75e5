// Sends files into a machine's shared folder and says how it went, as a notice for the panel
// (the "Send files" button and a drop onto the machine share it).
import { info, noticeOf, UserError, type Notice } from '../notices/notice';
import type { Machine } from '../vm/Machine.svelte';

export async function sendShared(machine: Machine, files: File[]): Promise<Notice> {
  try {
    if (machine.status !== 'running') {
      throw new UserError('shared.error.notRunning', { name: machine.name });
    }
    await machine.shared.send(files);
    return files.length === 1
      ? info('shared.sent', { name: files[0]!.name, machine: machine.name })
      : info('shared.sentMany', { count: files.length, machine: machine.name });
  } catch (error) {
    return noticeOf(error, 'shared.error.send');
  }
}
