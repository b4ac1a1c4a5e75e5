// Every string the UI shows, in English and Spanish. Spanish must have exactly the same keys
// (the type says so) and the same {placeholders} (messages.test.ts says so).

export const en = {
  'app.title': 'aula86',
  'app.tagline': 'A real x86 Linux, emulated in your browser',
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.es': 'Español',

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
  'guest.memoryValue': '{mb} MB',
  'guest.download': 'Download',
  'guest.downloadValue': '{mb} MB',
  'guest.emulator': 'Emulator',
  'guest.bootTime': 'Time to prompt',
  'guest.bootTimeValue': '{seconds} s',
  'guest.instructions': 'Instructions executed',

  'terminal.label': 'Serial console of the guest (ttyS0)',
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
  'input.held':
    'Your typing waits for the machine to be ready, then goes to it whole ({chars} characters).',
  'input.refused': 'A program is using the console: {dropped} characters you typed were not sent.',

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
  'snap.empty': 'No snapshots yet. Save one, break the guest, then restore it.',
  'snap.details': '{profile} · {size}',
  'snap.preview': 'Screen when saved',
  'snap.saving': 'Saving snapshot…',
  'snap.restoring': 'Restoring snapshot…',
  'snap.working': 'Working…',
  'snap.saved': 'Saved “{name}” in {ms} ms.',
  'snap.restored': 'Restored “{name}” in {ms} ms.',
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
  'snap.error.quota':
    'There is not enough storage space to save this snapshot. Delete old snapshots and try again; the snapshots already saved are intact.',
  'snap.error.notRunning': 'Start the machine and wait for its prompt before saving a snapshot.',
  'snap.error.busy': 'Please wait: another snapshot operation is still running.',
  'snap.error.trailingData':
    'That file has {extra} bytes more after the end of the snapshot: it was changed, or joined to another file. It was not imported.',
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
  'snap.usageLine': 'Snapshots take {stored}; {free} free in this browser',
  'snap.usageStored': 'Snapshots take {stored}',
  'snap.error.generic': 'The snapshot operation failed: {detail}.',
  'snap.error.consoleBusy': 'Wait for the benchmark to finish (or stop it) before restoring.',

  'speed.heading': 'Emulated speed',
  'speed.mips': 'Speed (last second)',
  'speed.mipsValue': '{mips} MIPS',
  'speed.chart': 'Millions of instructions per second over the last minute',
  'speed.chartPeak': 'peak {mips} MIPS',
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
  'bench.error.restoring': 'A snapshot is being restored: wait for it, then run the benchmark.',
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

  'kiosk.countdown':
    'Nobody has used this computer for a while. The machine goes back to its starting state in {seconds} s.',
  'kiosk.countdownHint': 'Press any key or click to keep working.',
  'kiosk.teacher': 'Teacher unlock',
  'kiosk.pin': 'Teacher PIN',
  'kiosk.unlock': 'Unlock',
  'kiosk.cancel': 'Cancel',
  'kiosk.wrongPin': 'Wrong PIN.',
  'kiosk.unlocked': 'Kiosk unlocked until the page is reloaded.',
  'kiosk.configError':
    'kiosk.json could not be used ({detail}). The kiosk stays locked, with the last settings that worked on this computer (or the defaults).',
  'kiosk.configUnreadable':
    'This computer’s kiosk settings could not be read, so it stays in kiosk mode. Please tell your teacher.',
  'kiosk.goldenFailed':
    'The golden snapshot "{name}" could not be restored, so the kiosk went back to the freshly booted machine instead. {detail}',
  'kiosk.pinWait': 'Too many wrong PINs: wait {seconds} s before trying again.',
  'kiosk.goldenMissing':
    'This browser has no snapshot named "{name}" for the kiosk to return to, so it uses the freshly booted machine.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export const es: Messages = {
  'app.title': 'aula86',
  'app.tagline': 'Un Linux x86 de verdad, emulado en tu navegador',
  'lang.label': 'Idioma',
  'lang.en': 'English',
  'lang.es': 'Español',

  'machine.label': 'Máquina virtual',
  'status.label': 'Estado de la máquina',
  'status.loading': 'Cargando',
  'status.booting': 'Arrancando',
  'status.running': 'En marcha',
  'status.paused': 'En pausa',
  'status.stopped': 'Detenida',
  'status.error': 'Error',
  'status.loadingFile': 'Descargando {file}: {percent} %',
  'status.preparing': 'Preparando el emulador',

  'controls.label': 'Controles de la máquina',
  'controls.start': 'Iniciar',
  'controls.pause': 'Pausar',
  'controls.resume': 'Reanudar',
  'controls.reset': 'Reiniciar',
  'controls.coldBoot': 'Arranque en frío',
  'controls.coldBootHint': 'Arrancar desde la BIOS, el proceso completo, para verlo',
  'machine.note.bootStateIncompatible':
    'El estado de arranque guardado no encaja con esta versión ({reasons}), así que el invitado arranca desde cero. Reconstruye las imágenes (npm run images) para recuperar el inicio instantáneo.',
  'machine.note.bootStateUnavailable':
    'No se pudo cargar el estado de arranque guardado ({detail}), así que el invitado arranca desde cero.',
  'guest.startedFrom': 'Iniciado desde',
  'guest.startedFrom.bootState': 'estado de arranque guardado (inicio instantáneo)',
  'guest.startedFrom.coldBoot': 'arranque en frío (BIOS, núcleo, init)',

  'guest.heading': 'Invitado',
  'guest.profile': 'Perfil',
  'guest.kernel': 'Kernel',
  'guest.memory': 'Memoria',
  'guest.memoryValue': '{mb} MB',
  'guest.download': 'Descarga',
  'guest.downloadValue': '{mb} MB',
  'guest.emulator': 'Emulador',
  'guest.bootTime': 'Tiempo hasta el prompt',
  'guest.bootTimeValue': '{seconds} s',
  'guest.instructions': 'Instrucciones ejecutadas',

  'terminal.label': 'Consola serie del invitado (ttyS0)',
  'terminal.hint':
    'Haz clic en la terminal y escribe. Copiar: selecciona texto y pulsa Ctrl+Mayús+C. Pegar: Ctrl+Mayús+V o clic derecho.',

  'error.title': 'La máquina no puede funcionar',
  'error.retry': 'Reintentar',
  'error.noWasm': 'Este navegador no puede ejecutar WebAssembly, que el emulador necesita.',
  'error.noWasmHelp':
    'Usa un Chrome, Edge, Firefox o Safari actual, con WebAssembly permitido por la política del centro.',
  'error.manifest':
    'No se pudo leer la lista de imágenes del invitado (images/manifest.json): {detail}.',
  'error.manifestHelp':
    'Comprueba que se copió la carpeta dist/ completa al servidor web y recarga.',
  'error.imageMissing': 'No se pudo descargar la imagen del invitado {file}: {detail}.',
  'error.imageMissingHelp':
    'Comprueba la red y que images/ se copió junto a index.html, y vuelve a intentarlo.',
  'error.imageCorrupt':
    'La imagen del invitado {file} está dañada: su SHA-256 no coincide con el manifiesto (se esperaba {expected}, se obtuvo {actual}).',
  'error.imageCorruptHelp':
    'El archivo se modificó o quedó incompleto. Copia de nuevo images/ desde una compilación limpia (npm run build) y recarga.',
  'error.wasm': 'No se pudo cargar el emulador (v86.wasm): {detail}.',
  'error.wasmHelp':
    'Comprueba que la carpeta assets/ se copió completa y se sirve con el tipo application/wasm, y recarga.',
  'error.silent': 'El invitado no mostró nada durante {seconds} segundos mientras arrancaba.',
  'error.silentHelp':
    'El ordenador puede estar sobrecargado o la imagen no corresponder a este emulador. Pulsa Reiniciar o recarga la página.',
  'error.emulator': 'El emulador se detuvo con un error: {detail}.',
  'error.emulatorHelp': 'Recarga la página. Si vuelve a ocurrir, infórmalo con el texto de arriba.',
  'error.stateRejected': 'El emulador no pudo cargar el estado guardado: {detail}.',
  'error.stateRejectedHelp':
    'Se detuvo la máquina en vez de dejarla medio restaurada. Pulsa «Reintentar» para arrancarla de nuevo; tus instantáneas guardadas se conservan.',
  'input.held':
    'Lo que escribes espera a que la máquina esté lista y luego le llega entero ({chars} caracteres).',
  'input.refused':
    'Un programa está usando la consola: no se enviaron {dropped} caracteres que escribiste.',

  'snap.heading': 'Instantáneas',
  'snap.save': 'Guardar instantánea',
  'snap.import': 'Importar instantánea',
  'snap.importHint': 'o suelta aquí un archivo .aula86snap',
  'snap.restore': 'Restaurar',
  'snap.rename': 'Renombrar',
  'snap.delete': 'Eliminar',
  'snap.export': 'Exportar',
  'snap.nameLabel': 'Nombre de la instantánea',
  'snap.renameDone': 'Guardar nombre',
  'snap.empty': 'Aún no hay instantáneas. Guarda una, rompe el invitado y restáurala.',
  'snap.details': '{profile} · {size}',
  'snap.preview': 'Pantalla al guardar',
  'snap.saving': 'Guardando instantánea…',
  'snap.restoring': 'Restaurando instantánea…',
  'snap.working': 'Trabajando…',
  'snap.saved': 'Guardada «{name}» en {ms} ms.',
  'snap.restored': 'Restaurada «{name}» en {ms} ms.',
  'snap.imported': 'Importada «{name}».',
  'snap.deleted': 'Eliminada «{name}».',
  'snap.notPersistent':
    'Este navegador no permite guardar datos de esta página (¿ventana privada?): las instantáneas se guardan en memoria y se perderán al cerrar la página.',
  'snap.shortcuts': 'Atajos: Alt+S guarda una instantánea, Alt+R restaura la más reciente.',
  'snap.error.notSnapshot': 'Ese archivo no es una instantánea de aula86.',
  'snap.error.truncated':
    'Ese archivo de instantánea está incompleto (se cortó), así que no se puede restaurar.',
  'snap.error.unsupportedFormat':
    'Esa instantánea usa la versión de formato {version}, que esta versión de aula86 no sabe leer.',
  'snap.error.hashMismatch':
    'Esa instantánea está dañada: su contenido no coincide con su suma SHA-256.',
  'snap.error.incompatible':
    'Esa instantánea no se puede restaurar en esta máquina: {reasons}. Un estado de v86 contiene el hardware emulado y la memoria exactos, así que solo se restaura en la misma versión del emulador, con las mismas imágenes del invitado y el mismo tamaño de memoria.',
  'snap.reason.v86Version': 'se guardó con v86 {saved} y este laboratorio usa v86 {current}',
  'snap.reason.profile': 'es del invitado «{saved}» y esta máquina ejecuta «{current}»',
  'snap.reason.memory': 'tiene {saved} MB de memoria y esta máquina tiene {current} MB',
  'snap.reason.images': 'se guardó con otras imágenes del invitado',
  'snap.error.quota':
    'No hay espacio de almacenamiento suficiente para guardar esta instantánea. Elimina instantáneas antiguas y vuelve a intentarlo; las ya guardadas están intactas.',
  'snap.error.notRunning':
    'Inicia la máquina y espera a su prompt antes de guardar una instantánea.',
  'snap.error.busy': 'Espera: otra operación con instantáneas sigue en curso.',
  'snap.error.trailingData':
    'Ese archivo tiene {extra} bytes de más tras el final de la instantánea: se modificó o se unió a otro archivo. No se importó.',
  'snap.error.tooLarge':
    'Esa instantánea se descomprime a más del tamaño que declara: está dañada o se hizo para llenar la memoria. No se importó.',
  'snap.error.gone': 'Esa instantánea ya no está (se eliminó, quizá en otra pestaña).',
  'snap.error.invalidField':
    'Ese archivo de instantánea está dañado o se modificó ({detail}). No se importó.',
  'snap.error.emptyName': 'Una instantánea necesita un nombre: no se cambió el nombre.',
  'snap.renamedUnique': 'Otra instantánea ya tiene ese nombre, así que esta se llama «{name}».',
  'snap.damaged': 'Registro dañado',
  'snap.damagedDetail': 'No se puede restaurar ({reason}). Elimínalo para liberar su espacio.',
  'snap.deletedDamaged': 'Se eliminó el registro dañado.',
  'snap.usageLine': 'Las instantáneas ocupan {stored}; quedan {free} libres en este navegador',
  'snap.usageStored': 'Las instantáneas ocupan {stored}',
  'snap.error.generic': 'La operación con la instantánea falló: {detail}.',
  'snap.error.consoleBusy':
    'Espera a que termine la prueba de rendimiento (o detenla) antes de restaurar.',

  'speed.heading': 'Velocidad emulada',
  'speed.mips': 'Velocidad (último segundo)',
  'speed.mipsValue': '{mips} MIPS',
  'speed.chart': 'Millones de instrucciones por segundo durante el último minuto',
  'speed.chartPeak': 'máximo {mips} MIPS',
  'speed.uptime': 'En marcha desde hace',
  'speed.jit': 'JIT (x86 → WebAssembly)',
  'speed.jitOn': 'activado',
  'speed.jitOff': 'desactivado: interpretando',
  'speed.cores': 'Núcleos del anfitrión',
  'speed.unknown': '—',

  'bench.heading': 'El coste de emular: el mismo trabajo en dos sitios',
  'bench.intro':
    'Un programa en C compilado dos veces: como WebAssembly que ejecuta tu navegador (el anfitrión) y como binario i386 de Linux que se ejecuta dentro de la máquina emulada (el invitado). Cada carga de trabajo informa de una suma de comprobación: si coinciden, el trabajo fue el mismo.',
  'bench.run': 'Ejecutar prueba de rendimiento',
  'bench.stop': 'Detener prueba de rendimiento',
  'bench.workloads': 'Cargas de trabajo',
  'bench.places': 'Ejecutar en',
  'bench.repeats': 'Repeticiones',
  'bench.progress': 'Ejecutando {workload} en {place} ({done} de {total})…',
  'bench.done': 'Prueba terminada en {seconds} s. Los tiempos son medianas.',
  'bench.cancelled': 'Prueba detenida. El invitado vuelve a estar disponible.',
  'bench.table': 'Resultados de la prueba (medianas)',
  'bench.col.workload': 'Carga de trabajo',
  'bench.col.checksum': 'Suma de comprobación',
  'bench.time': '{ms} ms',
  'bench.slower': '{factor}× más lento',
  'bench.faster': '{factor}× más rápido',
  'bench.guestClock': 'reloj del invitado {ms} ms',
  'bench.mipsValue': '{mips} MIPS',
  'bench.sumsAgree': 'igual en todos',
  'bench.sumsDiffer': '¡las sumas no coinciden!',
  'bench.place.host': 'Anfitrión (WebAssembly)',
  'bench.place.jit': 'Invitado, con JIT',
  'bench.place.interp': 'Invitado, sin JIT',
  'bench.workload.int': 'Enteros (CRC-32)',
  'bench.workload.mem': 'Memoria (copiar y recorrer 1 MiB)',
  'bench.workload.float': 'Coma flotante (Mandelbrot)',
  'bench.workload.sys': 'Llamadas al sistema (bucle de umask)',
  'bench.caption.int':
    'Código de enteros. Con el JIT, v86 traduce cada bloque de código x86 a WebAssembly una vez y lo reutiliza; sin él, cada instrucción se decodifica e interpreta una y otra vez.',
  'bench.caption.mem':
    'Cada acceso a memoria del invitado pasa por la MMU emulada (tablas de páginas, TLB) antes de llegar a la memoria del anfitrión.',
  'bench.caption.float':
    'v86 emula la FPU x87 por software: cada instrucción de coma flotante se convierte en una llamada a una FPU de software, con JIT o sin él. La traducción no elimina ese coste, así que aquí el JIT apenas ayuda.',
  'bench.caption.sys':
    'Cada llamada al sistema pasa del programa al núcleo del invitado y vuelve: una interrupción y un cambio de privilegio emulados. En el anfitrión es solo una llamada de WebAssembly a JavaScript.',
  'bench.error.nothing': 'Elige al menos una carga de trabajo y un sitio donde ejecutarla.',
  'bench.error.paused': 'La máquina está en pausa: reanúdala y luego ejecuta la prueba.',
  'bench.error.restoring': 'Se está restaurando una instantánea: espera y luego ejecuta la prueba.',
  'bench.error.notRunning':
    'Inicia la máquina y espera a su prompt antes de ejecutar la prueba de rendimiento.',
  'bench.error.busy':
    'El invitado está ocupado: su shell no está en el prompt. Termina o detén (Ctrl+C) lo que se ejecuta en el terminal y vuelve a intentarlo.',
  'bench.error.noProgram': 'Este invitado no tiene el programa de la prueba (aula-bench).',
  'bench.error.host':
    'Falló la parte de la prueba en el anfitrión: {detail}. El invitado no se ha visto afectado.',
  'bench.error.guestFailed': 'El invitado no pudo ejecutar el programa de la prueba: {detail}',
  'bench.error.timeout':
    'El invitado no terminó la carga de trabajo a tiempo. Se detuvo la prueba.',
  'bench.error.interrupted':
    'La prueba se interrumpió ({detail}): la máquina se pausó, reinició o restauró mientras se ejecutaba. No se midió nada de la ejecución interrumpida.',
  'bench.error.other': 'La prueba de rendimiento falló: {detail}.',

  'offline.label': 'Red',
  'offline.online': 'En línea',
  'offline.offline': 'Sin conexión: el laboratorio sigue funcionando',
  'offline.ready': 'Listo sin conexión',
  'offline.updateWaiting':
    'Hay una versión nueva del laboratorio. Tu máquina sigue funcionando hasta que decidas.',
  'offline.updateNow': 'Actualizar ahora',
  'offline.updateLater': 'Más tarde',

  'kiosk.countdown':
    'Nadie ha usado este ordenador desde hace un rato. La máquina vuelve a su estado inicial en {seconds} s.',
  'kiosk.countdownHint': 'Pulsa cualquier tecla o haz clic para seguir trabajando.',
  'kiosk.teacher': 'Desbloqueo del profesor',
  'kiosk.pin': 'PIN del profesor',
  'kiosk.unlock': 'Desbloquear',
  'kiosk.cancel': 'Cancelar',
  'kiosk.wrongPin': 'PIN incorrecto.',
  'kiosk.unlocked': 'Quiosco desbloqueado hasta que se recargue la página.',
  'kiosk.goldenMissing':
    'Este navegador no tiene ninguna instantánea llamada «{name}» a la que volver, así que el quiosco usa la máquina recién arrancada.',
  'kiosk.configError':
    'No se pudo usar kiosk.json ({detail}). El quiosco sigue bloqueado, con los últimos ajustes que funcionaron en este ordenador (o los de por defecto).',
  'kiosk.configUnreadable':
    'No se pudieron leer los ajustes de quiosco de este ordenador, así que sigue en modo quiosco. Avisa a tu profesor.',
  'kiosk.goldenFailed':
    'No se pudo restaurar la instantánea dorada «{name}», así que el quiosco volvió a la máquina recién arrancada. {detail}',
  'kiosk.pinWait': 'Demasiados PIN incorrectos: espera {seconds} s antes de volver a intentarlo.',
};
