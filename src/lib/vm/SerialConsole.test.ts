import { describe, expect, it } from 'vitest';
import { SerialConsole } from './SerialConsole.svelte';
import { FakeEmulator } from './FakeEmulator.testing';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** A console wired to the tiny guest of the unit tests' fake emulator (it answers renames). */
function wired() {
  const console = new SerialConsole();
  const guest = new FakeEmulator({ libraryUrl: '', wasm: '' });
  console.connect(guest);
  console.powerOn('is running');
  return { console, sent: guest.serial };
}

describe('SerialConsole', () => {
  it('detects the prompt after the ready text, and whether the shell is idle', () => {
    const { console } = wired();
    expect(console.receive(bytes('booting\r\nroot@pc1:~# '))).toBe(false); // no ready text yet
    expect(console.receive(bytes('is running\r\nroot@pc1:~# '))).toBe(true);
    expect(console.atPrompt()).toBe(true);
    console.receive(bytes('sleep 5\r\n'));
    expect(console.atPrompt()).toBe(false);
  });

  it('renames the guest and puts the new prompt in place of the old one', async () => {
    const { console, sent } = wired();
    console.receive(bytes('is running\r\nroot@pc1:~# '));
    await console.nameAtPrompt('pc2');
    expect(sent[1]).toBe('hostname pc2\n');
    expect(sent[0]).toBe('\r');
    expect(text(console.recentOutput())).toBe('is running\r\nroot@pc1:~# \r\x1b[Kroot@pc2:~# ');
  });

  it('shows a restored screen under its own name', async () => {
    const { console } = wired();
    await console.showRestoredAs('ls\r\nroot@pc3:~# ', 'pc1', Promise.resolve());
    // pc1 is what the guest is called already in this fake: the screen is only relabelled.
    expect(text(console.recentOutput())).toMatch(/^ls\r\nroot@pc1:~# /);
  });

  it('gives up a rename the guest does not answer, after a while', async () => {
    const console = new SerialConsole();
    console.connect({ on: () => () => undefined, sendSerial: () => undefined });
    const started = Date.now();
    await console.renameGuest('pc2');
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
  });
});
