// Strings of the screen, the shared folder and the teacher's own images, in English (spread
// into en.ts).

export const enGuests = {
  'screen.label': 'Screen of {name}',
  'screen.clickToCapture': 'Click the screen to type into the guest (and use its mouse).',
  'screen.captured': 'Keyboard and mouse go to the guest. Press Right Ctrl to release them.',
  'screen.ctrlAltDel': 'Ctrl+Alt+Del',
  'screen.ctrlAltDelHint': 'Send Ctrl+Alt+Del to the guest (the browser keeps it for itself)',
  'screen.view': 'View',
  'screen.showScreen': 'Screen',
  'screen.showSerial': 'Serial terminal',
  'screen.fps': '{fps} frames/s',
  'screen.silent':
    'The guest has shown nothing for {seconds} s. It may be using the other output: try the {other}.',
  'guest.chooseProfile': 'Guest',
  'guest.chooseProfileHint': 'Power the machine off and on with another guest',
  'shared.heading': 'Shared folder',
  'shared.hint':
    'Files sent here appear in the guest under /mnt/host; what the guest writes there can be downloaded. You can also drop files on the machine.',
  'shared.send': 'Send files…',
  'shared.sending': 'Sending {name}…',
  'shared.files': 'Files in the shared folder',
  'shared.empty': 'The shared folder is empty.',
  'shared.download': 'Download',
  'shared.downloadNamed': 'Download {name}',
  'shared.downloaded': 'Downloaded {name}.',
  'shared.sent': '{name} is in /mnt/host of {machine}.',
  'shared.sentMany': '{count} files are in /mnt/host of {machine}.',
  'shared.dropHere': 'Drop files to send them to {name} (/mnt/host)',
  'shared.error.noMachine': 'This machine is not running: start it to use its shared folder.',
  'shared.error.notRunning': '{name} is not running: start it to send files.',
  'shared.error.tooBig': '{name} is larger than {max} bytes, the most one file may be.',
  'shared.error.folderFull': 'The shared folder may hold {max} bytes in all: this does not fit.',
  'shared.error.changed': '{name} changed while it was being read: try again.',
  'shared.error.send': 'The files could not be sent: {detail}',
  'shared.error.read': '{name} could not be read: {detail}',
} as const;
