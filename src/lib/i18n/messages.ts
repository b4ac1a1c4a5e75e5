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
};
