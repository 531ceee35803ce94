import { sign, type KeyObject } from 'node:crypto';

/** base64url without padding. */
export function base64url(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString('base64url');
}

/** An RS256 JWT over `header` and `payload` (both serialised as given). */
export function signJwt(header: Readonly<Record<string, unknown>>, payload: Readonly<Record<string, unknown>>, key: KeyObject): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(input), key);
  return `${input}.${base64url(signature)}`;
}

/** The decoded header and payload of a JWT (no verification: for tests that inspect tokens). */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.');
  if (header === undefined || payload === undefined) throw new Error('not a JWT');
  const parse = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: parse(header), payload: parse(payload) };
}
