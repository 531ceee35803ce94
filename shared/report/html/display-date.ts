import { parseMojoDate } from '../../format/http-date';

/**
 * A timestamp for people: `2019-01-30 22:19:52 UTC`, or the text as given when it is not a date
 * (the report shows what the image says rather than hiding it).
 */
export function displayDate(text: string): string {
  const epoch = parseMojoDate(text);
  if (epoch === undefined || epoch > 253402300799) return text;
  return new Date(Math.floor(epoch) * 1000).toISOString().replace('T', ' ').replace('.000Z', ' UTC');
}
