// Strings of the screen, the shared folder and the teacher's own images, in Spanish (spread
// into es.ts).
import type { enGuests } from './en.guests';

export const esGuests: Record<keyof typeof enGuests, string> = {
  'guest.memoryChoose': 'Memoria de esta máquina',
  'guest.memoryRestart': 'Reiniciar con esta memoria',
  'guest.memoryRestartHint':
    '{machine} se reinicia desde cero (un arranque en frío): se pierde lo que se ejecuta ahora en ella. Sus instantáneas conservan su propia memoria.',
  'screen.label': 'Pantalla de {name}',
  'screen.clickToCapture':
    'Haz clic en la pantalla para escribir en el invitado (y usar su ratón).',
  'screen.captured': 'El teclado y el ratón van al invitado. Pulsa Ctrl derecho para recuperarlos.',
  'screen.ctrlAltDel': 'Ctrl+Alt+Supr',
  'screen.ctrlAltDelHint': 'Enviar Ctrl+Alt+Supr al invitado (el navegador se lo queda)',
  'screen.view': 'Vista',
  'screen.showScreen': 'Pantalla',
  'screen.showSerial': 'Terminal serie',
  'screen.silent':
    'El invitado no ha mostrado nada en {seconds} s. Puede que escriba en la otra salida: cambia entre Pantalla y Terminal serie.',
  'guest.chooseProfile': 'Invitado',
  'guest.chooseProfileHint': 'Arrancar otro invitado, en una máquina nueva o en lugar de este',
  'guest.banner':
    "aula86: Linux {release} ({arch}) se ejecuta dentro de v86. Escribe 'aula' para ver qué probar.",
  'guest.start': 'Arrancar {guest}',
  'shared.heading': 'Carpeta compartida',
  'shared.hint':
    'Los archivos que envíes aparecen en el invitado en /mnt/host; lo que el invitado escriba ahí se puede descargar. También puedes soltar archivos sobre la máquina.',
  'shared.send': 'Enviar archivos…',
  'shared.sending': 'Enviando {name}…',
  'shared.files': 'Archivos de la carpeta compartida',
  'shared.empty': 'La carpeta compartida está vacía.',
  'shared.download': 'Descargar',
  'shared.downloadNamed': 'Descargar «{name}»',
  'shared.downloaded': 'Descargado «{name}».',
  'shared.showAll': 'Mostrar los {count} archivos',
  'shared.sent': '{name} está en /mnt/host de {machine}.',
  'shared.sentMany': '{count} archivos están en /mnt/host de {machine}.',
  'shared.dropHere': 'Suelta archivos para enviarlos a {name} (/mnt/host)',
  'shared.error.noMachine':
    'Esta máquina no está en marcha: enciéndela para usar su carpeta compartida.',
  'shared.error.notRunning': '{name} no está en marcha: enciéndela para enviar archivos.',
  'shared.error.tooBig': '{name} ocupa más de {max} bytes, lo máximo para un archivo.',
  'shared.error.folderFull': 'La carpeta compartida admite {max} bytes en total: esto no cabe.',
  'shared.error.changed': '{name} cambió mientras se leía: vuelve a intentarlo.',
  'shared.error.send': 'No se pudieron enviar los archivos: {detail}',
  'shared.error.read': 'No se pudo leer {name}: {detail}',
  'media.heading': 'Añadir un invitado',
  'media.hint':
    'Arranca tu propia imagen: una ISO (CD-ROM), una imagen de disco duro o de disquete, o un kernel Linux (bzImage) con su initrd. Se guarda en este navegador y aparece como invitado.',
  'media.choose': 'Elegir una imagen…',
  'media.drop': 'o suéltala aquí',
  'media.dropZone': 'Suelta aquí una imagen de arranque',
  'media.detected': 'Qué es el archivo',
  'media.device': 'Arrancar desde',
  'media.device.cdrom': 'CD-ROM',
  'media.device.hda': 'Disco duro',
  'media.device.fda': 'Disquete',
  'media.device.kernel': 'Kernel Linux',
  'media.memory': 'Memoria (MB)',
  'media.cmdline': 'Línea de órdenes del kernel',
  'media.initrd': 'initrd (opcional)',
  'media.addNew': 'Arrancar en una máquina nueva',
  'media.addReplace': 'Sustituir {machine} por él',
  'media.addReplaceHint':
    'Se pierde lo que ahora funciona en {machine} (guarda antes una instantánea para conservarlo).',
  'media.cancel': 'Cancelar',
  'media.hashing': 'Comprobando {name} (SHA-256)…',
  'media.storing': 'Guardando {name}…',
  'media.added': 'Se añadió {name}; {machine} lo arranca ahora.',
  'media.addedNoRoom':
    'Se añadió {name} a tus invitados, pero en el laboratorio no cabe otra máquina: elígelo en la lista Invitado de una máquina, o quita una máquina.',
  'media.list': 'Tus invitados',
  'media.remove': 'Quitar',
  'media.removeNamed': 'Quitar {name}',
  'media.removed': 'Se quitó {name} de este navegador.',
  'media.usage': 'Este navegador guarda {used} MB del laboratorio y permite {quota} MB.',
  'media.notPersistent': 'Esta ventana no puede guardar imágenes: duran hasta que se cierre.',
  'media.discard': 'Descartar cambios del disco',
  'media.discardHint':
    'Arrancar de nuevo desde la imagen sin cambios: se pierde lo que el invitado escribió en su disco',
  'media.changes':
    'Cambios en el disco: {size}, guardados en memoria y en las instantáneas (la imagen nunca cambia).',
  'media.discarded':
    'Se descartaron los cambios del disco: {name} arranca desde la imagen sin cambios.',
  'media.fact.iso': 'Imagen de CD ISO 9660 «{label}», {size} bytes',
  'media.fact.elTorito': 'Registro de arranque El Torito: el CD es arrancable',
  'media.fact.mbr':
    'Sector de arranque con la firma MBR 55 AA ({partitions, plural, one {# partición} other {# particiones}})',
  'media.fact.floppy': '{kib} KB: el tamaño de un disquete',
  'media.fact.kernel': 'Kernel Linux {release}, protocolo de arranque {protocol}',
  'media.problem.empty': 'El archivo está vacío.',
  'media.problem.truncatedIso':
    'La ISO dice medir {expected} bytes pero el archivo tiene {actual}: está cortado (¿una descarga interrumpida?).',
  'media.problem.isoNotBootable':
    'Un disco de datos ISO 9660 sin registro de arranque El Torito ni MBR: un PC no puede arrancar desde él.',
  'media.problem.truncatedKernel':
    'La cabecera del kernel dice {expected} bytes pero el archivo tiene {actual}: está cortado.',
  'media.problem.oldKernel':
    'Protocolo de arranque Linux {protocol}: demasiado antiguo para un bzImage cargado en memoria alta (hace falta 2.02 o posterior).',
  'media.problem.partialSector':
    'La imagen de disco ({size} bytes) termina a mitad de un sector de 512 bytes: está cortada.',
  'media.problem.unknown':
    'No es una imagen arrancable: no hay volumen ISO 9660 en 32 KB, ni firma de arranque 55 AA en el byte 510, ni cabecera de kernel Linux «HdrS», ni tiene el tamaño de un disquete.',
  'media.error.changed': 'El archivo cambió mientras se leía: vuelve a intentarlo.',
  'media.error.tooLarge': 'La imagen ocupa {size} MB; una imagen puede ocupar como mucho {max} MB.',
  'media.error.notBootable': '{name} no se puede arrancar (mira por qué arriba).',
  'media.error.wrongDevice': '{name} no se puede arrancar desde ese dispositivo.',
  'media.error.memory':
    '{memory} MB de memoria no sirven: este invitado necesita al menos {least} MB y una máquina de este laboratorio puede tener como mucho {most} MB.',
  'media.error.quota':
    'La imagen necesita {size} MB y este navegador solo deja guardar {available} MB más al laboratorio: no se escribió nada.',
  'media.error.duplicate':
    'Esta imagen ya está en el laboratorio, como «{name}»: elige ese invitado (o quítalo antes para añadirla de nuevo).',
  'media.error.quotaHit':
    'El navegador se negó a guardar más tras {written} MB de {size} MB: el almacenamiento de este sitio está lleno, aunque el navegador estimaba {free} MB libres (una ventana privada permite mucho menos). Borra invitados o instantáneas que ya no necesites. No se guardó nada de esta imagen.',
  'media.error.quotaHitUnknown':
    'El navegador se negó a guardar más tras {written} MB de {size} MB: el almacenamiento de este sitio está lleno. Borra invitados o instantáneas que ya no necesites. No se guardó nada de esta imagen.',
  'media.error.refused':
    'El navegador se negó a guardar la imagen ({name}) tras {written} MB de {size} MB. No se guardó nada de ella; los invitados e instantáneas ya guardados están intactos.',
  'media.error.store': 'No se pudo guardar la imagen: {detail}',
  'media.error.gone':
    'La imagen de {name} ya no está en este navegador (se quitó o se borraron sus datos).',
  'media.error.inUse': '{name} es el invitado de {machines}: dales otro invitado primero.',
  'profile.tiny': 'Linux mínimo de aula86 (i686, busybox) · virtio-net',
  'profile.tiny-ne2k': 'Linux mínimo de aula86 (i686, busybox) · NE2000',
  'profile.tiny-screen': 'Linux mínimo de aula86 (i686, busybox) · pantalla y teclado',
};
