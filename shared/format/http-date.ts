/**
 * Dates the way repo-info prints them: RFC 7231 GMT (`Wed, 30 Jan 2019 22:19:52 GMT`), parsed with
 * the rules of Mojo::Date and Perl's Time::Local, quirks included (repo-info-format.md §4.3, §5.2).
 *
 * No `Date.parse`: its leniency differs between engines and from Perl. Calendar arithmetic is done
 * here on plain numbers, so any year the Perl side accepts works (JS `Date` stops at year 275760).
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** What repo-info prints for a missing or unparsable date: epoch 0 (§4.3). */
export const EPOCH_HTTP_DATE = 'Thu, 01 Jan 1970 00:00:00 GMT';

/**
 * Time::Local's two-digit-year pivot, `(this year + 50) % 100`.
 *
 * Perl computes it from the clock; it is fixed here so output does not depend on when it runs. 69 is
 * its value in 2019, the seed era. Only years 0070–0076 would differ in 2026, and no real image
 * has those.
 */
const TWO_DIGIT_YEAR_BREAKPOINT = 69;

// Mojo::Date's patterns, in the order it tries them. Perl's `$` also matches before a final "\n",
// hence `\n?$`. `\d` and `\w` are ASCII here; Perl's also match other Unicode digits and letters.
const EPOCH_RE = /^(?:\d+|\d+\.\d+)\n?$/;
const RFC1123_RE = /^\w+,\s+(\d+)\s+(\w+)\s+(\d+)\s+(\d+):(\d+):(\d+)\s+GMT\n?$/;
// Any non-digits between date and time; `Z`/`±HH:MM` or nothing (then UTC); case-insensitive.
const RFC3339_RE = /^(\d+)-(\d+)-(\d+)\D+(\d+):(\d+):(\d+(?:\.\d+)?)(?:Z|([+-])(\d+):(\d+))?\n?$/i;
const RFC850_RE = /^\w+,\s+(\d+)-(\w+)-(\d+)\s+(\d+):(\d+):(\d+)\s+GMT\n?$/;
const ASCTIME_RE = /^\w+\s+(\w+)\s+(\d+)\s+(\d+):(\d+):(\d+)\s+(\d+)\n?$/;

/** Broken-down date fields as Mojo::Date hands them to `timegm` (month 0-based). */
interface DateFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Seconds to add to get UTC. */
  readonly offset: number;
}

/**
 * Epoch seconds of a date string, by Mojo::Date's rules, or `undefined` where Mojo::Date gives up.
 *
 * Accepts what Mojo::Date accepts: an epoch number, RFC 1123, RFC 3339 (fraction kept, `Z` or
 * `±HH:MM`, no offset means UTC), RFC 850 and asctime. Dates before 1970 are rejected, as Mojo
 * does; years 0–99 are two-digit years (0001 → 2001) and 100–999 count from 1900, as in Time::Local.
 */
export function parseMojoDate(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (EPOCH_RE.test(text)) return Number(text);
  const fields = matchFields(text);
  if (!fields) return undefined;
  const epoch = timegm(fields);
  if (epoch === undefined) return undefined;
  const utc = epoch + fields.offset;
  return utc >= 0 ? utc : undefined;
}

function matchFields(text: string): DateFields | undefined {
  let m = RFC1123_RE.exec(text) ?? RFC850_RE.exec(text);
  if (m) return { day: num(m[1]), month: monthIndex(m[2]), year: num(m[3]), hour: num(m[4]), minute: num(m[5]), second: num(m[6]), offset: 0 };
  m = RFC3339_RE.exec(text);
  if (m) {
    // Mojo: `(($8 * 3600) + ($9 * 60)) * ($7 eq '+' ? -1 : 1)`; the offset itself is not range-checked.
    const offset = m[7] ? (num(m[8]) * 3600 + num(m[9]) * 60) * (m[7] === '+' ? -1 : 1) : 0;
    return { year: num(m[1]), month: num(m[2]) - 1, day: num(m[3]), hour: num(m[4]), minute: num(m[5]), second: num(m[6]), offset };
  }
  m = ASCTIME_RE.exec(text);
  if (m) return { month: monthIndex(m[1]), day: num(m[2]), hour: num(m[3]), minute: num(m[4]), second: num(m[5]), year: num(m[6]), offset: 0 };
  return undefined;
}

function num(text: string | undefined): number {
  return Number(text ?? '0');
}

/** Mojo looks the name up in a hash; an unknown name is `undef`, which Perl's numeric checks read as 0 (January). */
function monthIndex(name: string | undefined): number {
  const index = MONTHS.findIndex((month) => month === name);
  return index < 0 ? 0 : index;
}

/** Time::Local::timegm with its range checks (a failed check is a croak, which Mojo turns into "no date"). */
function timegm(f: DateFields): number | undefined {
  let year = f.year;
  if (year < 100) year += year > TWO_DIGIT_YEAR_BREAKPOINT ? 1900 : 2000;
  else if (year < 1000) year += 1900;
  if (f.month < 0 || f.month > 11) return undefined;
  if (f.day < 1 || f.day > daysInMonth(year, f.month)) return undefined;
  if (f.hour > 23 || f.minute > 59 || f.second >= 60) return undefined;
  // Time::Local's own order of additions, in doubles: a fraction within half a ULP of the next
  // second (e.g. `.999999999` today) rounds up into it before `gmtime` truncates, in Perl as here.
  return f.second + 60 * f.minute + 3600 * f.hour + 86400 * daysFromCivil(year, f.month, f.day);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 1) return isLeapYear(year) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] ?? 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`), month 0-based. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month < 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 10) % 12; // March = 0
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of `daysFromCivil`: [year, month 0-based, day]. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = (shiftedMonth + 2) % 12;
  return [yearOfEra + era * 400 + (month < 2 ? 1 : 0), month, day];
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Epoch seconds as an RFC 7231 date in GMT: `Wed, 30 Jan 2019 22:19:52 GMT`.
 *
 * Fractions are truncated (Perl's `gmtime` floors). Negative, non-finite or absurdly large values print
 * as epoch 0, which is what repo-info shows for a date it could not use.
 */
export function formatHttpDate(epochSeconds: number): string {
  const whole = Math.floor(epochSeconds);
  if (!Number.isSafeInteger(whole) || whole < 0) return EPOCH_HTTP_DATE;
  const days = Math.floor(whole / 86400);
  const secondOfDay = whole - days * 86400;
  const [year, month, day] = civilFromDays(days);
  const weekday = (days + 4) % 7; // 1970-01-01 was a Thursday
  const time = `${pad(Math.floor(secondOfDay / 3600), 2)}:${pad(Math.floor(secondOfDay / 60) % 60, 2)}:${pad(secondOfDay % 60, 2)}`;
  return `${DAYS[weekday] ?? ''}, ${pad(day, 2)} ${MONTHS[month] ?? ''} ${pad(year, 4)} ${time} GMT`;
}

/**
 * A history `created` value as repo-info prints it after `# ` in the dockerfile block.
 *
 * RFC 3339 with the fraction truncated and `Z`/`±HH:MM` applied; an offset without a colon, a
 * missing value or anything unparsable gives `Thu, 01 Jan 1970 00:00:00 GMT`; Go's zero time
 * `0001-01-01T00:00:00Z` gives `Mon, 01 Jan 2001 00:00:00 GMT` (§4.3, §5.2).
 */
export function repoInfoDate(created: string | undefined): string {
  return formatHttpDate(parseMojoDate(created) ?? 0);
}

/**
 * A `Last-Modified` header re-printed in repo-info's form, or `undefined` when it cannot be read.
 *
 * Registries already send RFC 1123, so this mostly normalises spacing and zero padding. repo-info
 * itself prints epoch 0 for an unreadable header; callers that need that use `repoInfoDate`.
 */
export function reprintHttpDate(header: string): string | undefined {
  const epoch = parseMojoDate(header);
  return epoch === undefined ? undefined : formatHttpDate(epoch);
}
