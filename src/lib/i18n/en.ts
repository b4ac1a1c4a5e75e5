// Every string the UI shows, in English: the reference for es.ts.

import { enNetwork } from './en.network';
import { enGuests } from './en.guests';
import { enWorkspace } from './en.workspace';
import { enLessons } from './en.lessons';
import { enKiosk } from './en.kiosk';
import { enMigration } from './en.migration';

export const en = {
  ...enNetwork,
  ...enGuests,
  ...enWorkspace,
  ...enLessons,
  ...enKiosk,
  ...enMigration,
  'app.title': 'aula86',
  'app.tagline': 'A real x86 Linux, emulated in your browser',
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.es': 'Español',

  'lab.tabs': 'Machines',
  'lab.add': 'Add machine',
  'lab.addHint': 'Another guest on this page (Alt+N). Alt+1…9 switches machines.',
  'lab.memory': 'RAM {used} of {budget}',
  'lab.memoryHint':
    'Emulated RAM of the machines plus what each emulator needs, out of what this lab lets them take.',
  'lab.error.params':
    'The lab did not understand {params} in its address and used its safe default instead.',
  'lab.error.noSuchGuest':
    'The address asks for the guest “{id}”, which this lab does not have (in this browser): the default guest started instead.',
  'lab.error.tooMany': 'A lab holds at most {max} machines.',
  'lab.error.noMemory':
    'No room for another machine: it needs {needed} MB and {free} MB are left for the lab. Remove a machine first.',
  'lab.error.manifest': 'The guest images could not be read, so no machine can be added.',
  'lab.removed': '{name} was removed: its emulator stopped and its memory was freed.',
  'lab.error.badName': '“{name}” cannot name a machine: use letters a–z, digits and “-”.',
  'lab.error.nameTaken': 'Another machine is already called {name}.',
  'machine.rename': 'Rename',
  'machine.renameLabel': 'New name for {name}',
  'machine.renameSave': 'Save name',
  'machine.remove': 'Remove',
  'machine.removeHint': 'Stop {name} and free its memory',
  'machine.cancel': 'Cancel',
  'snap.from': 'from {machine}',

  'machine.label': 'Virtual machine',
  'status.label': 'Machine state',
  'status.loading': 'Loading',
  'status.booting': 'Booting',
  'status.running': 'Running',
  'status.paused': 'Paused',
  'status.stopped': 'Stopped',
  'status.error': 'Error',
  'status.loadingFile': 'Downloading {file}: {percent}%',
  'status.preparing': 'Preparing the emulator',

  'controls.label': 'Machine controls',
  'controls.start': 'Start',
  'controls.pause': 'Pause',
  'controls.resume': 'Resume',
  'controls.reset': 'Reset',
  'controls.coldBoot': 'Cold boot',
  'controls.coldBootHint': 'Boot from the BIOS, the whole way, to watch it',
  'machine.note.bootStateIncompatible':
    'The saved boot state does not fit this build ({reasons}), so the guest boots from scratch. Rebuild the images (npm run images) to get the instant start back.',
  'machine.note.bootStateUnavailable':
    'The saved boot state could not be loaded ({detail}), so the guest boots from scratch.',
  'guest.startedFrom': 'Started from',
  'guest.startedFrom.bootState': 'saved boot state (instant start)',
  'guest.startedFrom.coldBoot': 'cold boot (BIOS, kernel, init)',

  'guest.heading': 'Guest',
  'guest.profile': 'Profile',
  'guest.kernel': 'Kernel',
  'guest.memory': 'Memory',
  'guest.download': 'Download',
  'guest.emulator': 'Emulator',
  'guest.bootTime': 'Time to prompt',
  'guest.bootTimeValue': '{seconds} s',
  'guest.instructions': 'Instructions executed',

  'terminal.labelOf': 'Serial console of {name} (ttyS0)',
  'terminal.hintMany':
    'Click the terminal and type. Alt+1…9 switches machines; each keeps running while another is shown. Copy: Ctrl+Shift+C. Paste: Ctrl+Shift+V.',
  'terminal.hint':
    'Click the terminal and type. Copy: select text, then Ctrl+Shift+C. Paste: Ctrl+Shift+V or right click.',

  'error.title': 'The machine cannot run',
  'error.retry': 'Try again',
  'error.noWasm': 'This browser cannot run WebAssembly, which the emulator needs.',
  'error.noWasmHelp':
    'Use a current Chrome, Edge, Firefox or Safari, with WebAssembly allowed by the school’s policy.',
  'error.manifest': 'The list of guest images (images/manifest.json) could not be read: {detail}.',
  'error.manifestHelp':
    'Check that the whole dist/ folder was copied to the web server, then reload.',
  'error.imageMissing': 'The guest image {file} could not be downloaded: {detail}.',
  'error.imageMissingHelp':
    'Check the network and that images/ was copied next to index.html, then try again.',
  'error.imageCorrupt':
    'The guest image {file} is damaged: its SHA-256 does not match the manifest (expected {expected}, got {actual}).',
  'error.imageCorruptHelp':
    'The file was changed or cut short. Copy images/ again from a fresh build (npm run build), then reload.',
  'error.wasm': 'The emulator (v86.wasm) could not be loaded: {detail}.',
  'error.wasmHelp':
    'Check that the assets/ folder was copied completely and is served with the type application/wasm, then reload.',
  'error.silent': 'The guest printed nothing for {seconds} seconds while booting.',
  'error.silentHelp':
    'The computer may be overloaded, or the guest image may not match this emulator. Press Reset, or reload the page.',
  'error.emulator': 'The emulator stopped with an error: {detail}.',
  'error.emulatorHelp': 'Reload the page. If it happens again, report it with the text above.',
  'error.stateRejected': 'The emulator could not load the saved state: {detail}.',
  'error.stateRejectedHelp':
    'The machine was stopped rather than left half restored. Press "Try again" to start it afresh; your saved snapshots are kept.',
  'agent.ask': 'Ask the guest',
  'agent.answer': 'Up {seconds} s by its own clock; its agent answered in {ms} ms, off the shell.',
  'agent.error.timeout':
    'The guest did not answer in time (a snapshot older than its agent has none: reset it).',
  'agent.error.other': 'The guest could not be asked: {detail}.',
  'drive.holding':
    'In use by {driver}: your typing waits and arrives whole when it ends ({chars} characters).',
  'drive.refused':
    '{machine} is busy: its console is in use by {driver}. Try again when it has finished.',
  'drive.timeout':
    '{machine}: {driver} took longer than {seconds} s and was stopped; the console is free again.',
  'driver.restore': 'a snapshot restore',
  'driver.reset': 'a reset',
  'driver.kioskReset': 'the kiosk reset',
  'driver.benchmark': 'the benchmark',
  'driver.networkMeasure': 'the network measurement',
  'driver.labRestore': 'a lab snapshot restore',
  'driver.lesson': 'a lesson check',
  'driver.migration': 'a live migration',
  'input.held':
    'Your typing waits for the machine to be ready, then goes to it whole ({chars} characters).',
  'input.refused':
    'More was typed than can wait: {dropped, plural, one {# character was} other {# characters were}} not sent.',

  'snap.heading': 'Snapshots',
  'snap.save': 'Save snapshot',
  'snap.import': 'Import snapshot',
  'snap.importHint': 'or drop a .aula86snap file here',
  'snap.restore': 'Restore',
  'snap.rename': 'Rename',
  'snap.delete': 'Delete',
  'snap.export': 'Export',
  'snap.nameLabel': 'Snapshot name',
  'snap.renameDone': 'Save name',
  'snap.empty':
    'No snapshots yet. Save one, break the guest so that everyone sees it (“echo c > /proc/sysrq-trigger” makes its kernel panic), then restore it.',
  'snap.details': '{profile} · {size}',
  'snap.preview': 'Screen when saved',
  'snap.saving': 'Saving snapshot…',
  'snap.restoring': 'Restoring snapshot…',
  'snap.working': 'Working…',
  'snap.saved': 'Saved “{name}” in {ms} ms.',
  'snap.restored': 'Restored “{name}” into {into} in {ms} ms.',
  'snap.imported': 'Imported “{name}”.',
  'snap.deleted': 'Deleted “{name}”.',
  'snap.notPersistent':
    'This browser does not allow storage for this page (a private window?): snapshots are kept in memory and will be lost when the page closes.',
  'snap.shortcuts': 'Shortcuts: Alt+S saves a snapshot, Alt+R restores the latest.',
  'snap.error.notSnapshot': 'That file is not an aula86 snapshot.',
  'snap.error.truncated':
    'That snapshot file is incomplete (it was cut short), so it cannot be restored.',
  'snap.error.unsupportedFormat':
    'That snapshot uses format version {version}, which this version of aula86 cannot read.',
  'snap.error.hashMismatch':
    'That snapshot is damaged: its contents do not match their SHA-256 checksum.',
  'snap.error.incompatible':
    'That snapshot cannot be restored on this machine: {reasons}. A v86 state holds the exact emulated hardware and memory, so it only restores into the same emulator version, guest images and memory size.',
  'snap.reason.v86Version': 'it was saved with v86 {saved} and this lab runs v86 {current}',
  'snap.reason.profile': 'it is of the guest “{saved}” and this machine runs “{current}”',
  'snap.reason.memory': 'it has {saved} MB of memory and this machine has {current} MB',
  'snap.reason.images': 'it was saved with different guest images',
  'snap.error.refused':
    'The browser refused to store the snapshot ({name}). The snapshots already saved are intact.',
  'snap.error.quota':
    'There is not enough storage space to save this snapshot. Delete old snapshots and try again; the snapshots already saved are intact.',
  'snap.error.notRunning': 'Start the machine and wait for its prompt before saving a snapshot.',
  'snap.error.busy': 'Please wait: another snapshot operation is still running.',
  'snap.error.trailingData':
    'That file has {extra} bytes more after the end of the snapshot: it was changed, or joined to another file. It was not imported.',
  'snap.error.headerTooLarge':
    "This file says its description takes {size} MB; a snapshot's takes at most {max} MB. It is too large to be a snapshot and was not imported.",
  'snap.error.tooLarge':
    'That snapshot inflates to more than the size it declares: it is damaged or was made to fill the memory. It was not imported.',
  'snap.error.gone': 'That snapshot is no longer there (it was deleted, perhaps in another tab).',
  'snap.error.invalidField':
    'That snapshot file is damaged or was changed ({detail}). It was not imported.',
  'snap.error.emptyName': 'A snapshot needs a name: the name was not changed.',
  'snap.renamedUnique': 'Another snapshot has that name, so this one is called “{name}”.',
  'snap.damaged': 'Damaged record',
  'snap.damagedDetail': 'It cannot be restored ({reason}). Delete it to free its space.',
  'snap.deletedDamaged': 'Deleted the damaged record.',
  'snap.usageLine':
    'Snapshot storage: {stored}, with the starting state all snapshots share; {free} free in this browser',
  'snap.usageStored': 'Snapshot storage: {stored}, with the starting state all snapshots share',
  'snap.error.generic': 'The snapshot operation failed: {detail}.',

  'speed.heading': 'Emulated speed',
  'speed.mipsValue': '{mips} MIPS',
  'speed.chart': 'MIPS, last minute',
  'speed.chartAria': 'MIPS over the last minute, scale 0 to {top} MIPS',
  'speed.chartStart': '−60 s',
  'speed.chartNow': 'now',
  'speed.mark.jitOff': 'JIT switched off',
  'speed.mark.jitOn': 'JIT switched on',
  'speed.mark.benchmark': 'benchmark started',
  'speed.uptime': 'Running for',
  'speed.jit': 'JIT (x86 → WebAssembly)',
  'speed.jitOn': 'on',
  'speed.jitOff': 'off: interpreting',
  'speed.cores': 'Host CPU cores',
  'speed.unknown': '—',

  'bench.heading': 'The cost of emulation: the same work, two places',
  'bench.intro':
    'One C program, built twice: as WebAssembly run by your browser (the host) and as an i386 Linux binary run inside the emulated machine (the guest). Each workload reports a checksum of its work: equal checksums prove it was the same work.',
  'bench.run': 'Run benchmark',
  'bench.stop': 'Stop benchmark',
  'bench.workloads': 'Workloads',
  'bench.places': 'Run on',
  'bench.repeats': 'Repeats',
  'bench.progress': 'Running {workload} on {place} ({done} of {total})…',
  'bench.done': 'Benchmark finished in {seconds} s. Times are medians.',
  'bench.cancelled': 'Benchmark stopped. The guest is usable again.',
  'bench.table': 'Benchmark results (medians)',
  'bench.col.workload': 'Workload',
  'bench.col.checksum': 'Checksum',
  'bench.time': '{ms} ms',
  'bench.slower': '{factor}× slower',
  'bench.faster': '{factor}× faster',
  'bench.guestClock': 'guest clock {ms} ms',
  'bench.mipsValue': '{mips} MIPS',
  'bench.sumsAgree': 'same everywhere',
  'bench.sumsDiffer': 'checksums differ!',
  'bench.place.host': 'Host (WebAssembly)',
  'bench.place.jit': 'Guest, JIT on',
  'bench.place.interp': 'Guest, JIT off',
  'bench.workload.int': 'Integer (CRC-32)',
  'bench.workload.mem': 'Memory (copy and scan 1 MiB)',
  'bench.workload.float': 'Floating point (Mandelbrot)',
  'bench.workload.sys': 'System calls (umask loop)',
  'bench.caption.int':
    'Plain integer code. With the JIT, v86 translates each block of x86 code to WebAssembly once and reruns it; without it, every instruction is decoded and interpreted again and again.',
  'bench.caption.mem':
    'Every guest memory access goes through the emulated MMU (page tables, TLB) before it reaches the host’s memory.',
  'bench.caption.float':
    'v86 emulates the x87 FPU in software: each floating-point instruction becomes a call into a software FPU, with or without the JIT. Translation cannot remove that cost, so here the JIT barely helps.',
  'bench.caption.sys':
    'Each system call crosses from the program into the guest kernel and back: an emulated interrupt and privilege switch. On the host it is only a call from WebAssembly into JavaScript.',
  'bench.error.nothing': 'Choose at least one workload and one place to run it.',
  'bench.error.paused': 'The machine is paused: resume it, then run the benchmark.',
  'bench.error.notRunning':
    'Start the machine and wait for its prompt before running the benchmark.',
  'bench.error.busy':
    'The guest is busy: its shell is not at a prompt. Finish or stop (Ctrl+C) what runs in the terminal, then try again.',
  'bench.error.noProgram': 'This guest has no benchmark program (aula-bench).',
  'bench.error.host': 'The host side of the benchmark failed: {detail}. The guest is unaffected.',
  'bench.error.guestFailed': 'The guest could not run the benchmark program: {detail}',
  'bench.error.timeout':
    'The guest did not finish the workload in time. The benchmark was stopped.',
  'bench.error.interrupted':
    'The benchmark was interrupted ({detail}): the machine was paused, reset or restored while it ran. Nothing was measured from the interrupted run.',
  'bench.error.other': 'The benchmark failed: {detail}.',

  'offline.label': 'Network',
  'offline.online': 'Online',
  'offline.offline': 'Offline: the lab keeps working',
  'offline.ready': 'Ready offline',
  'offline.updateWaiting':
    'A new version of the lab is ready. Your machine keeps running until you choose.',
  'offline.updateNow': 'Update now',
  'offline.updateLater': 'Later',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
