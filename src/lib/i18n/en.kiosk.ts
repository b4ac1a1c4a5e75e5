// Kiosk mode's strings, in English (spread into en.ts).

export const enKiosk = {
  'kiosk.countdown':
    'Nobody has used this computer for a while. The machine goes back to its starting state in {seconds} s.',
  'kiosk.lessonAtRisk':
    'A lesson is in progress: a reset forgets it. Download your progress to hand it in.',
  'kiosk.notNow': 'Not now',
  'kiosk.handIn': 'Download my lesson progress',
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
