// Code page 437, the VGA text mode's character set, as Unicode.

// 0x00–0x1F are drawn as symbols on a VGA screen (☺, ♥, …); 0x7F is ⌂.
const LOW = ' ☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼';
const HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ';

/** The character a VGA text cell shows for `byte`. */
export function cp437(byte: number): string {
  if (byte < 0x20) return LOW[byte] ?? ' ';
  if (byte < 0x7f) return String.fromCharCode(byte);
  if (byte === 0x7f) return '⌂';
  return HIGH[byte - 0x80] ?? ' ';
}
