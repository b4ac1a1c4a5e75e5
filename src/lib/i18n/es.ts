// Every string the UI shows, in Spanish: the same keys as en.ts (the type says so) and the same
// {placeholders} (translate.test.ts says so).
import type { Messages } from './en';
import { esNetwork } from './es.network';
import { esGuests } from './es.guests';
import { esWorkspace } from './es.workspace';
import { esLessons } from './es.lessons';
import { esKiosk } from './es.kiosk';
import { esMigration } from './es.migration';

export const es: Messages = {
  ...esNetwork,
  ...esGuests,
  ...esWorkspace,
  ...esLessons,
  ...esKiosk,
  ...esMigration,
  'app.title': 'aula86',
  'app.tagline': 'Un Linux x86 de verdad, emulado en tu navegador',
  'lang.label': 'Idioma',
  'lang.en': 'English',
  'lang.es': 'Español',

  'lab.tabs': 'Máquinas',
  'lab.add': 'Añadir máquina',
  'lab.addHint': 'Otro invitado en esta página (Alt+N). Alt+1…9 cambia de máquina.',
  'lab.memory': 'RAM {used} de {budget}',
  'lab.memoryHint':
    'RAM emulada de las máquinas más lo que necesita cada emulador, de lo que este laboratorio les deja usar.',
  'lab.error.params':
    'El laboratorio no entendió {params} en su dirección y usó en su lugar el valor seguro.',
  'lab.error.noSuchGuest':
    'La dirección pide el invitado «{id}», que este laboratorio no tiene (en este navegador): se ha iniciado el invitado predeterminado.',
  'lab.error.tooMany': 'Un laboratorio admite como mucho {max} máquinas.',
  'lab.error.noMemory':
    'No cabe otra máquina: necesita {needed} MB y al laboratorio le quedan {free} MB. Quita antes una máquina.',
  'lab.error.manifest':
    'No se pudo leer la lista de imágenes, así que no se puede añadir ninguna máquina.',
  'lab.removed': 'Se quitó {name}: su emulador se detuvo y su memoria quedó libre.',
  'lab.error.badName': '«{name}» no sirve como nombre de máquina: usa letras a–z, cifras y «-».',
  'lab.error.nameTaken': 'Ya hay otra máquina llamada {name}.',
  'machine.rename': 'Renombrar',
  'machine.renameLabel': 'Nuevo nombre para {name}',
  'machine.renameSave': 'Guardar nombre',
  'machine.remove': 'Quitar',
  'machine.removeHint': 'Detener {name} y liberar su memoria',
  'machine.cancel': 'Cancelar',
  'snap.from': 'de {machine}',

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
  'guest.startedFrom.coldBoot': 'arranque en frío (BIOS, kernel, init)',

  'guest.heading': 'Invitado',
  'guest.profile': 'Perfil',
  'guest.kernel': 'Kernel',
  'guest.memory': 'Memoria',
  'guest.download': 'Descarga',
  'guest.emulator': 'Emulador',
  'guest.bootTime': 'Tiempo hasta el prompt',
  'guest.bootTimeValue': '{seconds} s',
  'guest.instructions': 'Instrucciones ejecutadas',

  'terminal.labelOf': 'Consola serie de {name} (ttyS0)',
  'terminal.hintMany':
    'Haz clic en la terminal y escribe. Alt+1…9 cambia de máquina; cada una sigue funcionando mientras ves otra. Copiar: Ctrl+Mayús+C. Pegar: Ctrl+Mayús+V.',
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
  'agent.ask': 'Preguntar al invitado',
  'agent.answer':
    'Encendido hace {seconds} s según su reloj; su agente respondió en {ms} ms, fuera de la shell.',
  'agent.error.timeout':
    'El invitado no respondió a tiempo (una instantánea anterior a su agente no lo tiene: reiníciala).',
  'agent.error.other': 'No se pudo preguntar al invitado: {detail}.',
  'drive.holding':
    'En uso por {driver}: lo que escribes espera y llega entero al terminar ({chars} caracteres).',
  'drive.refused':
    '{machine} está ocupada: su consola la está usando {driver}. Vuelve a intentarlo cuando termine.',
  'drive.timeout':
    '{machine}: {driver} tardó más de {seconds} s y se detuvo; la consola vuelve a estar libre.',
  'driver.restore': 'la restauración de una instantánea',
  'driver.reset': 'un reinicio',
  'driver.kioskReset': 'el reinicio del quiosco',
  'driver.benchmark': 'la prueba de rendimiento',
  'driver.networkMeasure': 'la medición de la red',
  'driver.labRestore': 'la restauración de una instantánea del laboratorio',
  'driver.lesson': 'la comprobación de una lección',
  'driver.migration': 'una migración en vivo',
  'input.held':
    'Lo que escribes espera a que la máquina esté lista y luego le llega entero ({chars} caracteres).',
  'input.refused':
    'Se escribió más de lo que puede esperar: {dropped, plural, one {# carácter no se envió} other {# caracteres no se enviaron}}.',

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
  'snap.empty':
    'Aún no hay instantáneas. Guarda una, rompe el invitado de modo que todos lo vean (“echo c > /proc/sysrq-trigger” hace que su kernel entre en pánico) y restáurala.',
  'snap.details': '{profile} · {size}',
  'snap.preview': 'Pantalla al guardar',
  'snap.saving': 'Guardando instantánea…',
  'snap.restoring': 'Restaurando instantánea…',
  'snap.working': 'Trabajando…',
  'snap.saved': 'Guardada «{name}» en {ms} ms.',
  'snap.restored': 'Restaurada «{name}» en {into} en {ms} ms.',
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
  'snap.error.refused':
    'El navegador se negó a guardar la instantánea ({name}). Las instantáneas ya guardadas están intactas.',
  'snap.error.quota':
    'No hay espacio de almacenamiento suficiente para guardar esta instantánea. Elimina instantáneas antiguas y vuelve a intentarlo; las ya guardadas están intactas.',
  'snap.error.notRunning':
    'Inicia la máquina y espera a su prompt antes de guardar una instantánea.',
  'snap.error.busy': 'Espera: otra operación con instantáneas sigue en curso.',
  'snap.error.trailingData':
    'Ese archivo tiene {extra} bytes de más tras el final de la instantánea: se modificó o se unió a otro archivo. No se importó.',
  'snap.error.headerTooLarge':
    'Este archivo dice que su descripción ocupa {size} MB; la de una instantánea ocupa como mucho {max} MB. Es demasiado grande para ser una instantánea y no se importó.',
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
  'snap.usageLine':
    'Almacén de instantáneas: {stored}, con el estado inicial que comparten todas; quedan {free} libres en este navegador',
  'snap.usageStored':
    'Almacén de instantáneas: {stored}, con el estado inicial que comparten todas',
  'snap.error.generic': 'La operación con la instantánea falló: {detail}.',

  'speed.heading': 'Velocidad emulada',
  'speed.mipsValue': '{mips} MIPS',
  'speed.chart': 'MIPS, último minuto',
  'speed.chartAria': 'MIPS durante el último minuto, escala de 0 a {top} MIPS',
  'speed.chartStart': '−60 s',
  'speed.chartNow': 'ahora',
  'speed.mark.jitOff': 'JIT desactivado',
  'speed.mark.jitOn': 'JIT activado',
  'speed.mark.benchmark': 'empieza la prueba de rendimiento',
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
    'Cada llamada al sistema pasa del programa al kernel del invitado y vuelve: una interrupción y un cambio de privilegio emulados. En el anfitrión es solo una llamada de WebAssembly a JavaScript.',
  'bench.error.nothing': 'Elige al menos una carga de trabajo y un sitio donde ejecutarla.',
  'bench.error.paused': 'La máquina está en pausa: reanúdala y luego ejecuta la prueba.',
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
};
