// Numbers the UI shows, written as the reader's language writes them: sizes, memory, durations,
// dates and plain figures. Every component formats through here.

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A size on disk or on the wire: "1.5 MB" / "1,5 MB" (decimal units, as disks are sold). */
export function formatBytes(bytes: number, locale: string): string {
  return scaled(bytes, 1000, locale);
}

/** Emulated RAM, in the units RAM is sold in: 128 MiB is "128 MB". */
export function formatMemory(bytes: number, locale: string): string {
  return scaled(bytes, 1024, locale);
}

function scaled(bytes: number, step: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= step && unit < UNITS.length - 1) {
    value /= step;
    unit++;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

/** A figure with at most `digits` decimals: "1,234.5" / "1234,5". */
export function formatNumber(value: number, locale: string, digits = 0): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A figure with exactly `digits` decimals: "12.0" / "12,0". */
export function formatFixed(value: number, locale: string, digits: number): string {
  return numberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A duration in seconds with fixed decimals: "1.25" / "1,25" (the message says "s"). */
export function formatSeconds(ms: number, locale: string, digits = 1): string {
  return formatFixed(ms / 1000, locale, digits);
}

/** A moment: date and time, short ("1/12/26, 18:21:05") or medium. */
export function formatDateTime(
  date: Date | number,
  locale: string,
  style: 'short' | 'medium' = 'short',
): string {
  const key = `${locale}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: style, timeStyle: 'medium' });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

// Making a formatter costs far more than using one (the first, milliseconds: a profile of the
// lab's start found 130 ms in the RAM line alone): each kind is made once per locale.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}
