// Los textos de los anfitriones y la migración en vivo, en español (se añaden a es.ts).
import type { enMigration } from './en.migration';

export const esMigration: Record<keyof typeof enMigration, string> = {
  'tool.migration': 'Migración',
  'hosts.defaultName': 'anfitrión {letter}',
  'hosts.thisHost': 'Este anfitrión',
  'hosts.name': 'Nombre de este anfitrión',
  'hosts.others': 'Otros anfitriones',
  'hosts.none':
    'No hay otro anfitrión abierto. Cada pestaña del laboratorio es un anfitrión: abre otra para llevarle una máquina.',
  'hosts.open': 'Abrir otro anfitrión',
  'hosts.closed': 'quiosco: sin migraciones',
  'migrate.explain':
    'Una migración en vivo lleva una máquina en marcha a otro anfitrión: su memoria se copia en rondas mientras el invitado sigue, luego el invitado se detiene un instante, van las últimas páginas y su CPU, y sigue allí. «Mover detenida» lo copia todo con el invitado detenido, para comparar.',
  'migrate.machine': 'Máquina',
  'migrate.to': 'A',
  'migrate.live': 'Migrar en vivo',
  'migrate.stopped': 'Mover detenida',
  'migrate.asking': 'Preguntando a {host} si acepta {name}…',
  'migrate.sending': 'Llevando {name} a {host}…',
  'migrate.receiving': 'Recibiendo {name} de {host}…',
  'migrate.sent': '{name} sigue ahora en {host}.',
  'migrate.received': '{name} llegó de {host} y sigue funcionando aquí.',
  'migrate.refused.version':
    'Ese anfitrión tiene otra versión del laboratorio o de v86: no se envió nada.',
  'migrate.refused.profile': 'Ese anfitrión no tiene este invitado: no se envió nada.',
  'migrate.refused.memory':
    'Ese anfitrión no tiene sitio para la memoria de esta máquina: no se envió nada.',
  'migrate.refused.closed': 'Un quiosco de aula no participa en migraciones: no se envió nada.',
  'migrate.refused.busy': 'Ya hay una migración en curso; vuelve a intentarlo cuando acabe.',
  'migrate.refused.failed':
    'Ese anfitrión ya no está o no pudo arrancar una máquina para recibirla: la máquina sigue aquí.',
  'migrate.error.notRunning': '{name} tiene que estar en marcha para moverla.',
  'migrate.error.ownImage':
    'Un invitado de una imagen tuya aún no se mueve a otro anfitrión (sus cambios de disco se guardan aquí): {name} sigue aquí.',
  'migrate.menu': 'Migrar…',
  'migrate.menuLabel': 'Mover {name} a otro anfitrión',
  'migrate.liveTo': 'Migrar en vivo a {host}',
  'migrate.stoppedTo': 'Mover detenida a {host}',
  'migrate.noHost': 'No hay otro anfitrión abierto.',
  'migrate.error.failed':
    'La migración de {name} falló ({detail}). No se pierde nada: la máquina sigue en el anfitrión donde estaba.',
  'migrate.error.noAnswer': 'El otro anfitrión no respondió en {seconds} s.',
  'migrate.history': 'Migraciones de este laboratorio',
  'migrate.historyNone': 'Aún no hay ninguna migración.',
  'migrate.kind.live': 'en vivo (precopia)',
  'migrate.kind.stopped': 'detenida (parar y copiar)',
  'migrate.route': '{name}: {from} → {to}, {kind}',
  'migrate.downtime': 'Tiempo de parada',
  'migrate.total': 'Tiempo total',
  'migrate.bytes': 'Enviado',
  'migrate.bytesOf': '{sent} de {memory} de memoria',
  'migrate.rounds': 'Rondas',
  'migrate.round': 'Ronda {n}',
  'migrate.final': 'Parar y copiar',
  'migrate.roundFigures': '{pages} páginas, {size}, {ms} ms',
  'migrate.chart': 'Bytes enviados en cada ronda y al parar y copiar',
  'migrate.stop.small-enough': 'la última ronda ya era pequeña',
  'migrate.stop.not-shrinking': 'el invitado escribía tan deprisa como enviaban las rondas',
  'migrate.stop.round-limit': 'se llegó al límite de rondas',
  'migrate.stop.stop-and-copy': 'sin rondas: todo con el invitado detenido',
  'migrate.stopReason': 'Se detuvo porque {reason}.',
};
