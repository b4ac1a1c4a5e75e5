// Bare v86: fetch the app's images, boot them, note when the prompt appears. Nothing else.
import { V86 } from './v86/libv86.mjs';

const params = new URL(location.href).searchParams;
let text = '';
let ready = false;
const state = { text: () => text, prompt: false, emulator: null };
window.bare = state;
const images = new URL('../images/', location.href);
const manifest = await (await fetch(new URL('manifest.json', images))).json();
// ?profile=ID, or ?nic=ne2k|virtio: the profile with that network card (default: the first).
const profile =
  manifest.profiles.find((p) => p.id === params.get('profile')) ??
  manifest.profiles.find((p) => params.get('nic') && p.nic === params.get('nic')) ??
  manifest.profiles[0];
const screen = profile.display === 'screen';
const screenContainer = document.getElementById('screen');
if (screen) screenContainer.hidden = false;

async function load(name) {
  const response = await fetch(new URL(name, images));
  if (!name.endsWith('.gz')) return response.arrayBuffer();
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}
// ?state: resume the pre-booted state (no images), as the lab does by default.
const fromState = params.has('state');
const [bios, bzimage, initrd, vgaBios] = fromState
  ? []
  : await Promise.all(
      [profile.files.bios, profile.files.kernel, profile.files.initrd, profile.files.vga_bios].map(
        (name) => (name ? load(name) : null),
      ),
    );
// ?state&reference: the frozen 128 MB state of the lab before right-sizing (bench/reference/).
const reference = fromState && params.has('reference');
const savedState = fromState
  ? await load(reference ? '../reference/boot-state-128.bin.gz' : profile.boot_state.file)
  : null;

// The same machine as the lab's (src/common/devices.mjs): two UARTs, a 9p device, the profile's
// network card; serial-only, or a screen drawn by v86's own screen adapter on this page's main
// thread. Its network is v86's own: the in-page relay (a BroadcastChannel) joins the page's
// machines, with no switch, DHCP or packet log of ours.
const MACHINE = {
  memory_size: (reference ? 128 : profile.memory_mb) * 1024 * 1024,
  uart1: true,
  disable_speaker: true,
  filesystem: {},
  ...(screen
    ? { vga_memory_size: 8 * 1024 * 1024, screen_container: screenContainer }
    : { vga_memory_size: 256 * 1024, disable_keyboard: true, disable_mouse: true }),
  net_device: { type: profile.nic ?? 'ne2k', relay_url: 'inbrowser' },
  preserve_mac_from_state_image: true,
};
// What v86's screen shows as text (its text mode draws rows of spans in the container).
state.screenText = () =>
  [...(screenContainer.firstElementChild?.children ?? [])]
    .map((row) => row.textContent.trimEnd())
    .join('\n');

performance.mark('new-v86');
const emulator = new V86({
  wasm_path: new URL('./v86/v86.wasm', location.href).href,
  ...(fromState
    ? {}
    : {
        bios: { buffer: bios },
        ...(vgaBios ? { vga_bios: { buffer: vgaBios } } : {}),
        bzimage: { buffer: bzimage },
        ...(initrd ? { initrd: { buffer: initrd } } : {}),
        cmdline: profile.cmdline,
      }),
  ...MACHINE,
  disable_jit: params.has('nojit'),
  autostart: !fromState,
});
state.emulator = emulator;
if (fromState) {
  emulator.add_listener('emulator-loaded', async () => {
    // A copy: v86 may keep using the buffer it restored from, and later machines need it intact.
    await emulator.restore_state(savedState.slice(0));
    await emulator.run();
    state.prompt = true;
    performance.mark('prompt');
  });
}
emulator.add_listener('serial0-output-byte', (byte) => {
  text += String.fromCharCode(byte);
  if (!ready && text.includes(profile.ready_text)) ready = true;
  if (ready && !state.prompt && text.endsWith('# ')) {
    state.prompt = true;
    performance.mark('prompt');
  }
});

// The simplest keyboard a page can give a serial console: each key typed goes to the guest, so
// the bench types into this page as into the lab's terminal.
window.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') emulator.serial0_send('\n');
  else if (event.key.length === 1) emulator.serial0_send(event.key);
});

// For the emulation-cost figures: types a command and resolves when `pattern` has appeared in
// the output after it, with the page-timed ms and the instructions executed meanwhile.
state.runCommand = (command, pattern) =>
  new Promise((resolve) => {
    const from = text.length;
    const counter = () => emulator.get_instruction_counter() >>> 0;
    const startCount = counter();
    const started = performance.now();
    const listener = () => {
      const match = new RegExp(pattern).exec(text.slice(from));
      if (!match) return;
      const ms = performance.now() - started;
      const instructions = (counter() - startCount + 2 ** 32) % 2 ** 32;
      emulator.remove_listener('serial0-output-byte', listener);
      resolve({ ms, instructions, match: match[0] });
    };
    emulator.add_listener('serial0-output-byte', listener);
    emulator.serial0_send(`${command}\n`);
  });

/** Turns v86's JIT on or off while the guest runs (as the app does). */
state.setJit = (enabled) => {
  emulator.v86.cpu.set_jit_config(0, enabled ? 0 : 1);
  emulator.v86.cpu.jit_clear_cache();
};

/**
 * Another machine in this page, from the same pre-booted state (kept in memory, as the app keeps
 * it): resolves when it has printed its prompt, with its emulator and its output so far.
 */
function startMachine() {
  return new Promise((resolve) => {
    let out = '';
    const machine = new V86({
      wasm_path: new URL('./v86/v86.wasm', location.href).href,
      ...MACHINE,
      autostart: false,
    });
    machine.add_listener('serial0-output-byte', (byte) => (out += String.fromCharCode(byte)));
    machine.add_listener('emulator-loaded', async () => {
      await machine.restore_state(savedState.slice(0));
      await machine.run();
      resolve({ emulator: machine, output: () => out });
    });
  });
}

/** For the lab figures: a second machine added → its shell has answered `echo $((6*7))`, ms. */
state.extra = [];
state.addMachine = async () => {
  const started = performance.now();
  const machine = await startMachine();
  state.extra.push(machine);
  // Enter first, and the command at the prompt that answers it: typed into a state the very
  // moment it is restored, plain v86 sometimes loses the line (the shell never runs it).
  await new Promise((resolve, reject) => {
    const from = machine.output().length;
    const stop = () => {
      machine.emulator.remove_listener('serial0-output-byte', check);
      clearInterval(again);
      clearTimeout(timer);
    };
    const check = () => {
      // eslint-disable-next-line no-control-regex -- the prompt may end with ESC [ 6 n
      if (!/# (\x1b\[6n)?$/.test(machine.output().slice(from))) return;
      stop();
      resolve();
    };
    machine.emulator.add_listener('serial0-output-byte', check);
    machine.emulator.serial0_send('\n');
    const again = setInterval(() => machine.emulator.serial0_send('\n'), 1000);
    // A full run once hung here for good: a prompt that never comes fails the measurement.
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no prompt in 60 s: ${JSON.stringify(machine.output().slice(-120))}`));
    }, 60_000);
  });
  const from = machine.output().length;
  machine.emulator.serial0_send('echo $((6*7))\n');
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer in 60 s: ${JSON.stringify(machine.output().slice(-120))}`)),
      60_000,
    );
    const check = () => {
      if (!/^42\r?$/m.test(machine.output().slice(from))) return;
      clearTimeout(timer);
      machine.emulator.remove_listener('serial0-output-byte', check);
      resolve();
    };
    machine.emulator.add_listener('serial0-output-byte', check);
  });
  return performance.now() - started;
};
/**
 * For the add-and-remove cycles: another machine restored and running, its prompt in its memory
 * (as the app's new tab shows the restored prompt), without waiting on its shell. Plain v86
 * restoring again and again in one page sometimes leaves a guest that answers only seconds
 * later (4 to 60 s seen), which is not what the cycles measure.
 */
state.restoreMachine = async () => {
  state.extra.push(await startMachine());
};
state.removeMachine = async () => {
  const machine = state.extra.pop();
  await machine?.emulator.destroy();
};
// ?machines=N: N machines from the start (the first is the one above).
for (let i = 1; i < Number(params.get('machines') ?? 1); i++)
  state.extra.push(await startMachine());
state.allUp = true;

// ——— The network figures: the same guests on v86's own in-page relay, addressed by hand ———

/** Machine `i` of the page (0: the first), as the network helpers use it. */
const machineAt = (i) => (i === 0 ? { emulator, output: () => text } : state.extra[i - 1]);

/** Types `command` into machine `i` and resolves when `pattern` appears after it. */
function runOn(i, command, pattern, timeoutMs = 120_000) {
  const machine = machineAt(i);
  const from = machine.output().length;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      machine.emulator.remove_listener('serial0-output-byte', check);
      reject(
        new Error(
          `no ${pattern} after ${command}: ${JSON.stringify(machine.output().slice(-200))}`,
        ),
      );
    }, timeoutMs);
    const check = () => {
      const match = new RegExp(pattern, 'm').exec(machine.output().slice(from));
      if (!match) return;
      clearTimeout(timer);
      machine.emulator.remove_listener('serial0-output-byte', check);
      resolve({ ms: performance.now() - started, match, text: machine.output().slice(from) });
    };
    machine.emulator.add_listener('serial0-output-byte', check);
    machine.emulator.serial0_send(`${command}\n`);
  });
}
state.runOn = runOn;

/** Gives machine `i` a MAC of its own (the guest's init takes it on ttyS1) and 10.0.9.(i+1). */
async function address(i) {
  const machine = machineAt(i);
  const mac = `02:86:ff:00:00:${(i + 1).toString(16).padStart(2, '0')}`;
  await new Promise((resolve) => {
    let control = '';
    const listener = (byte) => {
      control += String.fromCharCode(byte);
      if (!control.includes(`mac ${mac}\n`)) return;
      machine.emulator.remove_listener('serial1-output-byte', listener);
      resolve();
    };
    machine.emulator.add_listener('serial1-output-byte', listener);
    machine.emulator.serial_send_bytes(1, new TextEncoder().encode(`mac ${mac}\n`));
  });
  await runOn(i, `ip addr add 10.0.9.${i + 1}/24 dev eth0; echo addressed`, '^addressed', 30_000);
}
state.address = address;

/** Another machine, addressed → it has pinged the first: ms (the first must be addressed). */
state.addMachineAndPing = async () => {
  const started = performance.now();
  state.extra.push(await startMachine());
  const i = state.extra.length;
  await address(i);
  await runOn(i, 'ping -c 1 10.0.9.1', '1 packets received', 30_000);
  return performance.now() - started;
};

/** Every "time=" of a ping series from machine 1 to machine 0, ms. */
state.pingSeries = async (count) => {
  const { text: out } = await runOn(1, `ping -c ${count} -i 0.2 10.0.9.1`, 'round-trip', 60_000);
  return [...out.matchAll(/ time=([\d.]+) ms/g)].map((m) => Number(m[1]));
};

/** The bench's flood `command` on machine 1: frames a second both ways (machine 1's, doubled). */
state.flood = async (command) => {
  let frames = 0;
  const count = () => frames++;
  machineAt(1).emulator.add_listener('net0-send', count);
  const { ms } = await runOn(1, command, '^flood-done', 120_000);
  frames *= 2; // as many came back (data one way, acknowledgements the other), roughly
  machineAt(1).emulator.remove_listener('net0-send', count);
  return { framesPerSecond: frames / (ms / 1000), ms };
};

/** The app's "Measure the network" transfer: `mib` MiB with nc from machine 1 to 0. */
state.transfer = async (mib) => {
  const file = '/tmp/aula-net';
  const made = await runOn(
    1,
    `dd if=/dev/urandom of=${file} bs=65536 count=${mib * 16} 2>/dev/null; md5sum ${file}`,
    '[0-9a-f]{32}\\s+/tmp',
  );
  const counter = (m) => m.emulator.get_instruction_counter() >>> 0;
  const machines = [machineAt(0), machineAt(1)];
  const received = runOn(0, 'nc -l -p 5001 | md5sum', '[0-9a-f]{32}\\s+-', 180_000);
  const before = machines.map(counter);
  const started = performance.now();
  await runOn(
    1,
    `until nc 10.0.9.1 5001 < ${file}; do sleep 0.1; done; echo sent`,
    '^sent',
    180_000,
  );
  const got = await received;
  const ms = performance.now() - started;
  const instructions = machines.reduce(
    (sum, m, i) => sum + ((counter(m) - before[i] + 2 ** 32) % 2 ** 32),
    0,
  );
  const sum = (t) => /([0-9a-f]{32})\s/.exec(t)?.[1];
  return {
    throughputMBps: (mib * 2 ** 20) / 1e6 / (ms / 1000),
    instructionsPerByte: instructions / (mib * 2 ** 20),
    checksumsEqual: sum(made.text) !== undefined && sum(made.text) === sum(got.text),
  };
};

// ——— The shared folder: a file of `mib` MiB in through 9p and back out ———

const sha256 = async (bytes) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

state.sharedRoundTrip = async (mib) => {
  const bytes = new Uint8Array(mib * 2 ** 20);
  for (let i = 0; i < bytes.length; i += 65536)
    crypto.getRandomValues(bytes.subarray(i, i + 65536));
  const sent = await sha256(bytes);
  let started = performance.now();
  await emulator.create_file('/big.bin', bytes);
  await state.runCommand('cat /mnt/host/big.bin > /dev/null; echo in-"done"', 'in-done');
  const inMs = performance.now() - started;
  const guest = await state.runCommand('sha256sum /mnt/host/big.bin', '[0-9a-f]{64}');
  started = performance.now();
  await state.runCommand('cp /mnt/host/big.bin /mnt/host/back.bin; echo out-"done"', 'out-done');
  const back = await emulator.read_file('/back.bin');
  URL.revokeObjectURL(URL.createObjectURL(new Blob([back])));
  const outMs = performance.now() - started;
  return { inMs, outMs, equal: guest.match === sent && (await sha256(back)) === sent };
};

// ——— Moving the machine to another page the only way bare v86 can: stop, save, send, restore ———

const now = () => performance.timeOrigin + performance.now();

/** The source: stops its guest, saves the whole state and sends it on `name`; resolves with the
 * downtime (its stop → the guest running on the other page) and the bytes sent. */
state.sendStopped = (name) =>
  new Promise((resolve) => {
    const channel = new BroadcastChannel(name);
    channel.onmessage = (event) => {
      if (event.data.kind !== 'running') return;
      channel.close();
      resolve({ downtimeMs: event.data.at - stoppedAt, bytes: sent });
    };
    let stoppedAt = 0;
    let sent = 0;
    void (async () => {
      await emulator.stop();
      stoppedAt = now();
      const saved = await emulator.save_state();
      sent = saved.byteLength;
      channel.postMessage({ kind: 'state', state: saved }, [saved]);
    })();
  });

/** The target: its guest replaced by the one arriving on `name`, run at once. */
state.receiveStopped = (name) =>
  new Promise((resolve) => {
    const channel = new BroadcastChannel(name);
    channel.onmessage = async (event) => {
      if (event.data.kind !== 'state') return;
      await emulator.stop();
      await emulator.restore_state(event.data.state);
      await emulator.run();
      channel.postMessage({ kind: 'running', at: now() });
      channel.close();
      resolve();
    };
  });
