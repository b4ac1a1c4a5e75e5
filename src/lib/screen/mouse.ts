// The PS/2 mouse's buttons from the browser's MouseEvent.buttons bit mask.

/** [left, middle, right] pressed, from MouseEvent.buttons (1 left, 2 right, 4 middle). */
export function mouseButtons(buttons: number): [boolean, boolean, boolean] {
  return [(buttons & 1) !== 0, (buttons & 4) !== 0, (buttons & 2) !== 0];
}
