/**
 * Dates as the UI shows them: an unambiguous absolute form (UTC, so two people comparing an image
 * read the same text) and a rough relative one for scanning.
 */

/** `2024-03-01 14:02 UTC`; the input unchanged when it is not a date. */
export function formatUtc(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getUTCFullYear())}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** Made once: a formatter per call costs more than the formatting. */
const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * `3 days ago`, `in 5 minutes`; empty when `iso` is not a date. Reproducible builds stamp the epoch
 * (or year 1): those read `epoch (reproducible build)` rather than "56 years ago".
 */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  if (time <= 0) return 'epoch (reproducible build)';
  const seconds = Math.round((time - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return RELATIVE.format(Math.trunc(seconds / size), unit);
  }
  return '';
}

/** Local clock time, `14:02:05`, for "as of" stamps. */
export function formatClock(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toLocaleTimeString();
}
