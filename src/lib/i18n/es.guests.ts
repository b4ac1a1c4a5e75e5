// Strings of the screen, the shared folder and the teacher's own images, in Spanish (spread
// into es.ts).
import type { enGuests } from './en.guests';

export const esGuests: Record<keyof typeof enGuests, string> = {
  'screen.label': 'Pantalla de {name}',
  'screen.clickToCapture':
    'Haz clic en la pantalla para escribir en el invitado (y usar su ratón).',
  'screen.captured': 'El teclado y el ratón van al invitado. Pulsa Ctrl derecho para recuperarlos.',
  'screen.ctrlAltDel': 'Ctrl+Alt+Supr',
  'screen.ctrlAltDelHint': 'Enviar Ctrl+Alt+Supr al invitado (el navegador se lo queda)',
  'screen.view': 'Vista',
  'screen.showScreen': 'Pantalla',
  'screen.showSerial': 'Terminal serie',
  'screen.fps': '{fps} imágenes/s',
  'screen.silent':
    'El invitado no ha mostrado nada en {seconds} s. Puede que use la otra salida: prueba la {other}.',
  'guest.chooseProfile': 'Invitado',
  'guest.chooseProfileHint': 'Apagar y encender la máquina con otro invitado',
  'shared.heading': 'Carpeta compartida',
  'shared.hint':
    'Los archivos que envíes aparecen en el invitado en /mnt/host; lo que el invitado escriba ahí se puede descargar. También puedes soltar archivos sobre la máquina.',
  'shared.send': 'Enviar archivos…',
  'shared.sending': 'Enviando {name}…',
  'shared.files': 'Archivos de la carpeta compartida',
  'shared.empty': 'La carpeta compartida está vacía.',
  'shared.download': 'Descargar',
  'shared.downloadNamed': 'Descargar {name}',
  'shared.downloaded': 'Descargado {name}.',
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
};
