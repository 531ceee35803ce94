/**
 * Byte sizes as text: the exact repo-info form, and a short form for the UI.
 */

/** repo-info's units, base 1000 (repo-info-format.md §5.5). TB is the largest. */
const REPO_INFO_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A size exactly as repo-info prints it: `33.0 MB (32956405 bytes)`, `231.0 B`, `1000.0 KB (1000024 bytes)`.
 *
 * Follows `.remote.pl`'s `size()` (repo-info-format.md §5.5): base 1000, a unit is promoted only while
 * the integer part is *greater than* 1000 (so `1000.0 B` exists), one decimal with Perl `%.1f`
 * rounding, and a ` (<n> bytes)` suffix unless the unit is B.
 */
export function formatRepoInfoSize(bytes: number): string {
  let unit = 0;
  // `int($bytes / 1000 ** $unit) > 1000`, checked before each promotion, exactly like the Perl loop.
  while (unit < REPO_INFO_UNITS.length - 1 && Math.trunc(bytes / 1000 ** unit) > 1000) unit += 1;
  const text = `${perlFixed1(bytes / 1000 ** unit)} ${REPO_INFO_UNITS[unit]}`;
  return unit === 0 ? text : `${text} (${String(bytes)} bytes)`;
}

/**
 * `sprintf('%.1f', value)` as C and Perl do it.
 *
 * `toFixed` also rounds the exact binary value, but breaks an exact tie upwards where C picks the
 * even digit. With one decimal a tie is only possible at fractions .25 and .75 (the only binary
 * fractions that end in 5 in the hundredths); .75 rounds up either way, so only .25 needs the fix
 * (§5.5: `1250` → `1.2 KB`).
 */
function perlFixed1(value: number): string {
  const magnitude = Math.abs(value);
  const whole = Math.floor(magnitude);
  const text = magnitude - whole === 0.25 ? `${String(whole)}.2` : magnitude.toFixed(1);
  return value < 0 ? `-${text}` : text;
}

/** Units of the short UI form; the same base 1000 as repo-info, so both agree on what "MB" means. */
const SHORT_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * A compact size for the UI: `231 B`, `301.9 KB`, `33.0 MB`.
 *
 * Base 1000 like repo-info, but promoted as soon as the value reaches 1000 of a unit (after rounding
 * to one decimal, so 999,950 bytes reads `1.0 MB`, not `1000.0 KB`). Not for exports: repo-info has
 * its own rules, see `formatRepoInfoSize`.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '? B';
  const magnitude = Math.abs(bytes);
  if (magnitude < 1000) return `${String(bytes)} B`;
  let unit = 1;
  while (unit < SHORT_UNITS.length - 1 && Number((magnitude / 1000 ** unit).toFixed(1)) >= 1000) unit += 1;
  const sign = bytes < 0 ? '-' : '';
  return `${sign}${(magnitude / 1000 ** unit).toFixed(1)} ${SHORT_UNITS[unit]}`;
}
