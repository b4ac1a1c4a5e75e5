// Los textos del modo quiosco, en español (se añaden a es.ts).

export const esKiosk = {
  'kiosk.countdown':
    'Nadie ha usado este ordenador desde hace un rato. La máquina vuelve a su estado inicial en {seconds} s.',
  'kiosk.lessonAtRisk':
    'Hay una lección en curso: un reinicio la olvida. Descarga tu progreso para entregarlo.',
  'kiosk.notNow': 'Ahora no',
  'kiosk.handIn': 'Descargar mi progreso de la lección',
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
} as const;
