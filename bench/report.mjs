// docs/performance.md and the bench's console summary, made from the bench's JSON alone
// (bench/results/latest.json): every figure in the doc comes from a measurement, none is typed.
// \`node bench/report.mjs\` writes the doc again from the committed JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function parts(result) {
  const RUNS = result.runs;
  const WORKLOADS = result.workloads;
  const { ladder, tableSeconds, steadyMips, rounds: COST_ROUNDS } = result.cost;
  const native = { error: result.cost.nativeError };
  const ownJsGzip = result.sizes.ownJsGzip;
  const {
    answer: answerRows,
    coldAnswer: coldAnswerRows,
    instant: instantRows,
    boot: rows,
    snapshots: snapshotRows,
    machines: machineRows = [],
    network: networkRows = [],
    guests: guestRows = [],
    hostile: hostileRows = [],
    seams: seamsRows = [],
    workspace: workspaceRows = [],
    idle: idleRows = [],
    start: startRows = [],
    migration: migrationRows = [],
  } = result.tables;
  const fmt = (v, unit) =>
    !Number.isFinite(v)
      ? '–'
      : unit === 'ms'
        ? v < 20
          ? `${v.toFixed(1)} ms`
          : `${Math.round(v)} ms`
        : unit === 'MB/s'
          ? `${v.toFixed(2)} MB/s`
          : unit === '/s'
            ? `${v.toFixed(1)} /s`
            : unit === 'n'
              ? `${Math.round(v)}`
              : unit === '%'
                ? `${(v * 100).toFixed(v < 0.1 ? 1 : 0)} %`
                : unit === 'x'
                  ? `${v.toFixed(2)}×`
                  : `${(v / 1e6).toFixed(2)} MB`;
  const tableOf = (list) =>
    [
      '| Figure | aula86 | bare v86 | aula86 / bare (median of pairs) |',
      '| --- | ---: | ---: | ---: |',
      ...list.map(
        (r) =>
          `| ${r.label} | ${fmt(r.app, r.unit)} | ${fmt(r.bare, r.unit)} | ${Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : '–'} |`,
      ),
    ].join('\n');
  const table = tableOf(rows);
  const answerTable = tableOf(answerRows);
  const coldAnswerTable = tableOf(coldAnswerRows);
  const snapshotTable = tableOf(snapshotRows);
  const instantTable = tableOf(instantRows);
  // A measurement that failed leaves an empty entry (its pair's other half still counts).
  const failedOf = (list = []) => list.filter((s) => Object.keys(s ?? {}).length === 0).length;
  /** The line under a table when some of its measurements failed (`why`: what failed). */
  const failuresNote = (samples = { app: [], bare: [] }, why = '') =>
    failedOf(samples.app) + failedOf(samples.bare)
      ? `\n\nIn this run ${failedOf(samples.app)} app and ${failedOf(samples.bare)} bare measurement(s) of ${samples.app.length} failed${why}; those medians are of the others.`
      : '';
  const machineFailures = failuresNote(
    result.machineSamples,
    " (the bare page's second machine did not answer: typed the moment its state was restored, plain v86 sometimes loses the line; it now presses Enter first)",
  );
  const machineTable = machineRows.length ? tableOf(machineRows) + machineFailures : '';
  const networkTable = networkRows.length
    ? tableOf(networkRows) + failuresNote(result.networkSamples)
    : '';
  const guestTable = guestRows.length ? tableOf(guestRows) + failuresNote(result.guestSamples) : '';
  const hostileTable = hostileRows.length
    ? tableOf(hostileRows) + failuresNote(result.hostileSamples)
    : '';
  const seamsTable = seamsRows.length ? tableOf(seamsRows) + failuresNote(result.seamsSamples) : '';
  const workspaceTable = workspaceRows.length
    ? tableOf(workspaceRows) + failuresNote(result.workspaceSamples)
    : '';
  const idleTable = idleRows.length ? tableOf(idleRows) + failuresNote(result.idleSamples) : '';
  const startTable = startRows.length ? tableOf(startRows) + failuresNote(result.startSamples) : '';
  const migrationTable = migrationRows.length
    ? tableOf(migrationRows) + failuresNote(result.migrationSamples)
    : '';

  const msText = (v) => (!Number.isFinite(v) ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(0));
  const times = (v, base) =>
    Number.isFinite(v) && Number.isFinite(base) && base > 0 ? ` (${(v / base).toFixed(1)}×)` : '';
  const ladderTable = [
    '| Workload | native i386 | WebAssembly, Node | WebAssembly, Chromium worker | v86 JIT (app) | v86 interpreter (app) | checksums |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...WORKLOADS.map((w) => {
      const l = ladder[w];
      const base = Number.isFinite(l.native) ? l.native : l.wasmNode;
      return `| ${w} | ${msText(l.native)} ms | ${msText(l.wasmNode)} ms${times(l.wasmNode, base)} | ${msText(l.wasmChromium)} ms${times(l.wasmChromium, base)} | ${msText(l.jit)} ms${times(l.jit, base)} | ${msText(l.interp)} ms${times(l.interp, base)} | ${l.sumsAgree ? 'all equal' : '**differ**'} |`;
    }),
  ].join('\n');
  const mipsTable = [
    '| Workload | app, JIT | bare, JIT | app / bare | app, interpreter | bare, interpreter | app / bare |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...WORKLOADS.map((w) => {
      const l = ladder[w];
      const m = (v) => (Number.isFinite(v) ? v.toFixed(0) : '–');
      const r = (v) => (Number.isFinite(v) ? v.toFixed(2) : '–');
      return `| ${w} | ${m(l.mipsJit)} | ${m(l.bareMipsJit)} | ${r(l.mipsRatioJit)} | ${m(l.mipsInterp)} | ${m(l.bareMipsInterp)} | ${r(l.mipsRatioInterp)} |`;
    }),
  ].join('\n');
  const steadyLine = `Steady state (\`aula-bench int 24\` with the JIT, MIPS over 1-s windows once it has run half a billion instructions, both resuming the pre-booted state): app ${steadyMips.app.toFixed(0)} MIPS, bare ${steadyMips.bare.toFixed(0)} MIPS, app / bare ${steadyMips.ratio.toFixed(2)} (median of ${COST_ROUNDS} pairs).`;
  const bootVsRestore = `Cold boot to a prompt: ${fmt(rows[0].app, 'ms')}; restoring a snapshot to a shell that answers: ${fmt(snapshotRows[1].app, 'ms')}.`;

  return {
    RUNS,
    COST_ROUNDS,
    native,
    ownJsGzip,
    table,
    answerTable,
    coldAnswerTable,
    snapshotTable,
    instantTable,
    machineTable,
    networkTable,
    guestTable,
    hostileTable,
    seamsTable,
    workspaceTable,
    idleTable,
    startTable,
    migrationTable,
    ladderTable,
    mipsTable,
    steadyLine,
    bootVsRestore,
    tableSeconds,
  };
}

/** The console summary: the tables, then the figures as JSON. */
export function printable(result) {
  const {
    RUNS,
    COST_ROUNDS,
    table,
    answerTable,
    coldAnswerTable,
    snapshotTable,
    instantTable,
    ladderTable,
    mipsTable,
    steadyLine,
    bootVsRestore,
    tableSeconds,
    ownJsGzip,
    networkTable,
    guestTable,
    hostileTable,
    seamsTable,
    workspaceTable,
    idleTable,
    startTable,
    migrationTable,
  } = parts(result);
  const lines = [];
  const log = (text) => lines.push(text);
  log(`\nThe shell answers, from the pre-booted state, medians of ${RUNS} runs\n`);
  log(answerTable);
  log(`\nThe shell answers, from a cold boot, medians of ${RUNS} runs\n`);
  log(coldAnswerTable);
  log(`\nBoot, medians of ${RUNS} runs (Chromium ${result.chromium}, v86 ${result.v86})\n`);
  log(table);
  log(`\nInstant start (pre-booted state), medians of ${RUNS} runs\n`);
  log(instantTable);
  log(`\nSnapshots, medians of ${RUNS} runs\n`);
  log(snapshotTable);
  if (networkTable) {
    log(`\nVirtual networks, medians\n`);
    log(networkTable);
  }
  if (guestTable) {
    log(`\nOther guests: the screen, a teacher's ISO, files in and out, medians\n`);
    log(guestTable);
  }
  if (hostileTable) {
    log(`\nHostile inputs: a flooding tab, a 200 MB download, 10,000 files, medians\n`);
    log(hostileTable);
  }
  if (seamsTable) {
    log(`\nThe seams: the guest agent's round trip, medians\n`);
    log(seamsTable);
  }
  if (workspaceTable) {
    log(`\nThe workspace at 1280×720, medians\n`);
    log(workspaceTable);
  }
  if (idleTable) {
    log(`\nIdle machines once the lab has settled, medians\n`);
    log(idleTable);
  }
  if (startTable) {
    log(`\nStart and a machine's cost, beside the frozen 128 MB reference, medians\n`);
    log(startTable);
  }
  if (migrationTable) {
    log(`\nLive migration between two tabs, beside bare v86's stop-and-copy, medians\n`);
    log(migrationTable);
  }
  log(`\nThe same work down the ladder, medians (ms; × = times the native time)\n`);
  log(ladderTable);
  log(
    `\nGuest MIPS on the same workload, app vs bare v86 page (medians of ${COST_ROUNDS} rounds)\n`,
  );
  log(mipsTable);
  log(`\n${steadyLine}`);
  log(
    `\nThe app's full benchmark table (3 repeats): ${tableSeconds.toFixed(1)} s. ${bootVsRestore}`,
  );
  log(`\nOur own JS, gzipped: ${(ownJsGzip / 1024).toFixed(1)} KB`);
  log(
    '\n' +
      JSON.stringify(
        {
          boot: result.boot,
          instant: result.instant,
          snapshots: result.snapshots,
          cost: result.cost,
          sizes: result.sizes,
        },
        null,
        2,
      ),
  );

  return lines.join('\n');
}

/** docs/performance.md for one run of the bench. */
export function renderPerformance(result) {
  const {
    RUNS,
    COST_ROUNDS,
    native,
    ownJsGzip,
    table,
    answerTable,
    coldAnswerTable,
    snapshotTable,
    instantTable,
    machineTable,
    networkTable,
    guestTable,
    hostileTable,
    seamsTable,
    workspaceTable,
    idleTable,
    startTable,
    migrationTable,
    ladderTable,
    mipsTable,
    steadyLine,
    bootVsRestore,
    tableSeconds,
  } = parts(result);
  return `# Performance

Written by \`npm run bench\` on ${result.date.slice(0, 10)}: medians of ${RUNS} runs, headless Chromium
${result.chromium}, v86 ${result.v86}, on the development machine (2 cores). Each figure stands beside the
same figure for a bare v86 page (\`bench/bare/\`: the same images, no app) measured in the same run, so
the ratio holds on a noisy machine even when the absolute times drift: it is the median of the
per-run ratios, each run booting the app and the bare page back to back (in alternating order).
${
  result.partial
    ? `
**Measured since the last full run: ${result.partial.measured
        .map((m) => {
          const on = result.partial.measuredOn?.[m];
          return on ? `${m} (${on.slice(0, 16).replace('T', ' ')} UTC)` : m;
        })
        .join(', ')}** (\`BENCH_ONLY\`, 3 rounds each). The other tables are from the full run of
${result.partial.othersFrom.slice(0, 10)} and were not measured again. Tables measured on different
dates may come from different guest images (\`git log public/images\` says when they changed).
`
    : ''
}
## The shell answers: what a user feels

From navigation until the guest has answered \`echo $((6*7))\`, typed key by key the moment its
prompt is there: into the lab's focused terminal (the answer read off the screen), and into the
bare page, which sends each key press to v86's serial port (the answer read off its output).

From the pre-booted state (what the lab does on load):

${answerTable}

From a cold boot (\`?boot=cold\`; the bare page boots the same images):

${coldAnswerTable}

- "A click right after": the time from a click into the terminal (just after the answer) to
  the next frame the page draws: how busy the page still is.
- In the lab, the emulator worker downloads the pre-booted state, gunzips it as it streams in
  and checks its SHA-256 before using it, while the page draws itself; storing the boot
  state's chunks for snapshots and caching the lab for offline use wait until the page is quiet.

## Instant start: the pre-booted state (what the lab does by default)

${instantTable}

- The app resumes \`images/boot-state.bin.gz\` (the default guest saved at its prompt by
  \`npm run images\`); the bare page (\`bench/bare/?state\`) resumes the same file with plain v86.
- Cold cache: a fresh browser context. Warm cache: a reload once the service worker has cached
  the lab. Offline: the same, with the context's network switched off.
- "Prompt": the machine is running its shell and takes input (the app's \`aula86:prompt\` mark);
  "on screen": the prompt's text is in the terminal.

${
  machineTable
    ? `## A lab of several machines

${machineTable}

- "Add machine": clicked 3 s after the first prompt (a user reads it first). The lab keeps
  the next machine ready once the page is quiet: a worker with v86 loaded and the pre-booted
  state restored, stopped (no CPU); the new machine adopts it, so its shell is there at once.
  The bare page builds another \`V86\` from the state it holds in memory.
- Memory: the resident memory of every browser process (Linux \`/proc\`), after the page has
  been quiet for 3 s and its garbage collected; an added machine's figure includes the next
  spare the lab readies. "÷ before": after 10 machines were added (each to its prompt) and
  removed.
- CPU: all browser processes over 10 s with every machine idle at its prompt. An idle v86
  takes little in its own thread (a few % of a core); most of the figure is the browser's
  thread pool working for each emulator, and the bare page, with plain v86, pays the same per
  machine.

`
    : ''
}${
    networkTable
      ? `## Virtual networks

${networkTable}

- "Add machine" → pinged: clicked 3 s after the first machine has its address; the new
  machine resumes its pre-booted state, takes the lab's MAC, gets an address from the lab's
  DHCP service, then \`ping -c 1\` to the first is typed and answered. The bare page's machines
  share v86's own in-page relay (a BroadcastChannel): no switch, no DHCP (addresses set by
  hand), no packet view.
- RTT: the median of 20 pings (\`ping -i 0.2\`) between two idle guests with virtio-net cards.
  In the lab a frame crosses the page's main thread (the switch) between the two emulator
  workers; the bare page's emulators run on the main thread and its relay joins them directly.
- The flood: 8 MiB over TCP (\`nc\`) from one guest to the other, as fast as the guests go, with
  the packet view showing the switch (busybox has no \`ping -f\`, and the guests' 100 Hz kernel
  paces \`ping -i\` at 10 ms). Frames a second through the switch, frames it dropped, and how
  many times a second the packet view redrew (the bare page has none).
- NE2000 vs virtio-net: the lab's "Measure the network" (4 MiB with \`nc\`, checksums compared,
  and 20 pings), and the same commands in the bare page (one page load per card). Instructions
  per byte: both guests' instructions during the transfer, per byte sent.

`
      : ''
  }${
    guestTable
      ? `## Other guests: a screen, a teacher's ISO, files in and out

${guestTable}

- The screen guest (profile \`tiny-screen\`: the same kernel with a VGA console and a keyboard)
  resumes its own pre-booted state. In the lab, v86 stays in its worker: the worker takes over
  v86's stand-in screen adapter, keeps the text cells (and, in graphics modes, has the VGA device
  draw into its buffer), and sends the page at most one frame every 20 ms, only when something
  changed; the page draws one picture per animation frame, only the cells that changed, from
  glyph pixels (the 256 characters drawn once into an atlas while the page is idle) into one
  canvas image. The bare page runs v86 on
  its main thread with v86's own screen adapter drawing into the DOM. Why the worker: the page
  (terminal, panels, the other machines' switch) never waits for the emulated CPU, and the
  emulated CPU never waits for the page's drawing.
- Pictures a second: while \`seq 1 200000\` scrolls the console, over 3 s, the pictures the
  lab's screen drew (the bare page: the distinct screen texts seen in successive animation
  frames). Longest task: the browser reports main-thread tasks of 50 ms or more; 0 means there
  was none.
- The ISO: the lab's 4 MB test ISO (\`images/build-test-iso.sh\`) padded to 50 MB, chosen in
  "Add a guest"; from the click on "Replace pc1 with it" until it is stored (SHA-256 computed as the
  file streams by, the File put in IndexedDB) and the machine, powered on with it, shows the
  BIOS's first text. Heap: the page's \`performance.memory.usedJSHeapSize\` sampled every 20 ms,
  peak minus the figure just before (garbage collected). The bare page hands the File to
  \`new V86\` as its CD-ROM: v86 reads a File under 256 MB whole into memory, and stores nothing.
- The shared folder: a 16 MiB file of random bytes. In: from the moment the file is chosen (the
  bare page: \`create_file\`) until the guest has read it all from \`/mnt/host\` (\`cat\`). Out:
  the guest copies it to \`/mnt/host/back.bin\`, then it is downloaded (the lab's file list
  is read every second; the bare page: \`read_file\`). SHA-256 compared both ways.

`
      : ''
  }${
    hostileTable
      ? `## Hostile inputs: a flooding tab, a large download, a crowded shared folder

${hostileTable}

- The flood: another page of the lab's origin posts 200,000 messages on the switch's
  BroadcastChannel (one \`null\`, one in a thousand 65,535 bytes long, the rest 60-byte frames
  from made-up cards), as fast as it can; the bare page gets the same on v86's own in-browser
  relay channel. In the lab, the bridge worker checks each message (valibot) and lets at most
  500 frames a second (50 at once, 512 KiB a second) reach the page, which refuses the rest
  and says so in the packet view. \`echo\` is typed 0.3 s into the flood; its time runs from
  the Enter key (the page's keydown) until \`42\` is on screen (the bare page: from
  \`serial0_send\` to the output). The flooding page itself keeps both cores busy meanwhile.
- The download: the guest writes a 200 MB file into \`/mnt/host\`; "Download" in the shared
  folder. In the lab, the worker builds a Blob from 1 MiB reads of v86's filesystem and hands
  the page the Blob (the browser keeps its bytes outside the page's heap). Heap: V8's used heap
  of the page after a forced GC, once the download is on disk, minus the figure before the
  click. The bare page runs v86 on its main thread: \`read_file\` gives it the whole file.
- 10,000 files: created in the guest (\`seq | xargs touch\`); the lab's list follows the
  folder by change (the worker lists it again only when v86's filesystem said something
  changed, and sends the difference), and draws the first 200 rows. Longest task: the browser
  reports main-thread tasks of 50 ms or more; 0 means there was none.

`
      : ''
  }${
    seamsTable
      ? `## The seams: the guest agent

${seamsTable}

- The agent's round trip: "Ask the guest" five times, the median of the \`true\` requests'
  round trips the lab shows (from the page sending \`x ID true\` on the guest's second serial
  port to the agent's \`x ID 0\` back, page clock). The agent runs a command in its own shell,
  so a builtin forks nothing in the guest. Busy: after \`(while :; do :; done) &\` typed into
  the terminal, one second later.
- The bare page has no agent: its figure is \`true\` typed into the serial console and the
  prompt back (\`serial0_send\` to the \`# \`), the only way a page without one gets an answer
  from the guest, through the student's own shell.

`
      : ''
  }${
    workspaceTable
      ? `## The workspace at a projector's 1280×720

${workspaceTable}

- In Spanish (its strings run longest), in a fresh browser context at 1280×720: the terminal's
  size is what the guest's \`stty size\` reports (the lab tells the guest its terminal's size);
  "in view" means the whole button and the whole speed figure are inside the window, with no
  scrolling. A tool's pane: from the click's input event to its heading on screen, the first
  time (its code loads then). The bare v86 page has no workspace: its column is empty.

`
      : ''
  }${
    idleTable
      ? `## Idle machines, once the lab has settled

${idleTable}

- One and three machines at their prompts (\`?machines=N\`; the bare page runs as many v86
  instances), left alone for 35 s first: the app readies its spare machine, takes the snapshot
  base and fills the offline cache, and V8 finishes optimizing v86's WebAssembly (its top-tier
  compiles take about a tenth of a core for the first half minute of any v86 page). Then 10 s.
- CPU: every process of the browser (CDP \`SystemInfo.getProcessInfo\`), as a share of one
  core. Wake-ups: context switches of every thread of the renderer processes (Linux
  \`/proc/PID/task/*/status\`), a second: each is a thread put to sleep and woken (or
  preempted). An idle guest's kernel is tickless, but its timer (the PIT) can wait at most
  55 ms (27 ms before our kernel patch), so each machine still wakes its emulator ~18 times a
  second; the app's emulator sleeps until that timer instead of spinning the last fraction of
  a millisecond.

`
      : ''
  }${
    startTable
      ? `## Start, right-sized, beside the frozen 128 MB reference

${startTable}

- The lab's guests have 32 MB (images/README.md). The first row's bare page resumes the same
  pre-booted state; the second row's resumes \`bench/reference/boot-state-128.bin.gz\`, the
  default guest's state before right-sizing (128 MB, the kernel of then), never served by the
  app: the ratio is what right-sizing and the rest of the lab's start give, in one run.
- From navigation until \`42\` is on screen (the bare page: in its serial output), typed the
  moment the prompt is there. Memory: every process of the browser (RSS) after "Add machine"
  and the new machine's answer, minus before (the bare page: another \`new V86\` of the same
  state).

`
      : ''
  }${
    migrationTable
      ? `## Live migration between two tabs of the lab (two hosts)

${migrationTable}

- Two tabs of one browser, each a host with the default guest (32 MB). The Migration tool moves
  pc1 from host A to host B live (pre-copy: rounds of the pages changed since the last, while
  the guest runs; then the guest stops, and its last pages and its CPU and devices go), then
  back, stopped (every page with the guest stopped); then the same while the guest rewrites an
  8 MiB file in /tmp in a loop, a different byte each pass. The figures are those the tool
  shows. docs/migration.md explains the protocol.
- Downtime: the guest's last instruction on the source to its first on the target (each end's
  clock, both epoch ms). Bare v86 has one way to move a machine: \`stop\`, \`save_state\`,
  sent over a BroadcastChannel, \`restore_state\`, \`run\` in another page; its column is that
  stop-and-copy in every row.

`
      : ''
  }## Cold boot to the first prompt (\`?boot=cold\`, a fresh browser context each run)

${table}

- Navigation → first prompt: from the start of navigation to the shell prompt after the guest's welcome line.
- On screen: when the prompt's text is in the terminal's DOM (the bare page draws nothing, so
  its figure is the bytes' arrival).
- \`new V86\` → first prompt: the same end point, from the moment the emulator is constructed
  (the app: the moment its images are handed to the emulator worker, which then constructs v86).
- Why the app can boot faster than the bare page: it runs v86 in a worker that loads v86 and
  compiles its WebAssembly while the page downloads the guest, and that reschedules v86's
  CPU slices on its own thread (\`src/worker/emulator/sameThreadYield.ts\`). Plain v86 in a page
  echoes a message off a helper worker between slices: two thread hops per slice, and on two
  cores that helper often waits for a core while V8 compiles v86's JIT output. The app's page
  (Svelte, panels, xterm.js) costs it the rest: the difference between the two "\`new V86\`"
  rows, and the time from the prompt to the prompt on screen.
- Bytes downloaded: every response of the browser context, workers' included (body and headers:
  HTML, JS, CSS, wasm, images).
- JS heap: V8's used heap of the page's main thread after a forced GC, once the prompt is up. The
  app runs v86 in a worker, whose heap is not in this figure; the bare page runs v86 on its main
  thread. The guest's RAM is WebAssembly memory and is in neither.

## Snapshots (idle default guest, 128 MB RAM)

${snapshotTable}

- Save: from the click on "Save snapshot" to the snapshot listed, i.e. committed to IndexedDB
  (v86 \`save_state\`, content-defined chunks hashed and deflated in a worker, one transaction).
- Restore an older snapshot: from the click on "Restore" to the shell answering a command typed
  afterwards (chunks read, inflated and SHA-256-checked in the worker, then v86
  \`restore_state\`). Restore the snapshot saved last: the same, for the snapshot the lab saved
  last, whose raw state the snapshot worker keeps in memory since its save (one state, 128 MB),
  as the bare page keeps its own.
- Stored bytes: compressed chunks in IndexedDB. Once per browser, after its first start, the
  lab stores the chunks of its pre-booted state (the base); every snapshot then stores and
  compresses only the chunks that changed since, and a second snapshot only those that changed
  since the first. "Its chunks" counts all a snapshot refers to (shared ones in full), as the
  snapshot list shows. The bare page keeps the raw state in memory.
- Save is measured once the lab is idle (the base stored, a few seconds after the first start).

## The cost of emulation: the same work down the ladder

One program, \`images/bench/aula-bench.c\`, four workloads. Native: the guest's own i386 binary
(taken from the served initramfs) run on this machine${native.error ? ` — **not run here: ${native.error}**` : ''}.
WebAssembly: the host build, in Node's V8 and in the app's Worker in Chromium. v86: the app's
"Run benchmark" (3 repeats per round, median of ${COST_ROUNDS} rounds), the guest timed by the page from
command sent to the result line. × is how many times slower than native.

${ladderTable}

${bootVsRestore}

The app's whole table (4 workloads × host, JIT, interpreter × 3 repeats) takes **${tableSeconds.toFixed(1)} s**.

Note on system calls: "native" here runs in this development machine's container, where a
system call is slow (a sandboxed kernel); in the guest, v86 runs the guest kernel's own
system-call path.

### The lab's own overhead: guest MIPS, app vs bare v86

The same commands typed into the bare v86 page (\`bench/bare/\`), JIT on and off, in the same run.
MIPS = instructions executed between the command reaching the guest and its result line,
divided by that time.

${mipsTable}

${steadyLine}

The short runs above (a few hundred ms each) include v86's JIT compiling the program and V8
tiering up the code it generates, which varies a lot from run to run on 2 busy cores; the
steady-state figure is the one to judge the lab's overhead by.

## What we ship

- Our own first-load JS (the \`index-*.js\` chunk and the chunks it imports; a tool's pane, the terminal and the screen view load when first shown), gzipped: **${(ownJsGzip / 1024).toFixed(1)} KB**
- Guest images: ${Object.entries(result.sizes.images)
    .map(([n, s]) => `\`${n}\` ${(s / 1e6).toFixed(2)} MB`)
    .join(', ')}

Raw samples and every figure above: \`bench/results/latest.json\`, committed with this file;
\`node bench/report.mjs\` writes this file again from it.
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const result = JSON.parse(readFileSync(join(root, 'bench', 'results', 'latest.json'), 'utf8'));
  writeFileSync(join(root, 'docs', 'performance.md'), renderPerformance(result));
  console.error('[bench] wrote docs/performance.md from bench/results/latest.json');
}
