// Los textos de la herramienta Lecciones, en español (se añaden a es.ts).

export const esLessons = {
  'tool.lessons': 'Lecciones',
  'lessons.heading': 'Lecciones',
  'lessons.intro': 'Lecciones prácticas: cada paso se comprueba en el invitado real.',
  'lessons.stepsDone': '{done} de {total} pasos hechos',
  'lessons.teacherFile': 'Cargar un archivo de lección',
  'lessons.teacherHint':
    'Una lección propia del profesor (véase docs/lessons.md); se mantiene durante esta visita.',
  'lessons.teacher': 'de {file}',
  'lessons.error.file': '{file}, línea {line}: {field} {message}',
  'lessons.error.fileWhole': '{file}: {message}',
  'lessons.error.profile': '{file} es para el invitado «{profile}», que este laboratorio no tiene.',
  'lessons.error.tooLarge': '{file} supera el tamaño máximo de una lección ({limit} KB).',
  'lessons.back': 'Todas las lecciones',
  'lessons.progress': 'Progreso de la lección',
  'lessons.step': 'Paso {n} de {total}',
  'lessons.steps': 'Pasos',
  'lessons.state.todo': 'por hacer',
  'lessons.state.checking': 'comprobando…',
  'lessons.state.done': 'hecho',
  'lessons.state.hint': 'todavía no',
  'lessons.copy': 'Copiar',
  'lessons.copied': 'Copiado',
  'lessons.typeIt': 'Escríbelo por mí',
  'lessons.check': 'Comprobar',
  'lessons.read': 'Ya lo he leído',
  'lessons.hint': 'Pista',
  'lessons.notYet': 'Todavía no está hecho.',
  'lessons.why.timeout':
    'La orden de la comprobación no respondió a tiempo (¿está ocupado el invitado?).',
  'lessons.why.noMachine':
    'Esta lección necesita la máquina {machine}, que el laboratorio no tiene.',
  'lessons.why.error': 'No se pudo hacer la comprobación: {detail}',
  'lessons.finished': 'Lección completada: todos los pasos están hechos.',
  'lessons.startOver': 'Empezar de nuevo',
} as const;
