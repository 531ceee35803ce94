import { execFile } from 'node:child_process';
import { createHash, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The token server's signing key and the certificate the registry trusts. */
export interface TokenKeys {
  readonly privateKey: KeyObject;
  /** PEM path for the registry's `rootcertbundle`. */
  readonly certPath: string;
  /** base64 DER of the certificate, the JWT `x5c` chain (a self-signed cert is its own chain). */
  readonly x5c: string;
  /** libtrust key id of the public key, the JWT `kid` alternative. */
  readonly kid: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding. */
export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * libtrust's key id: sha256 of the SPKI DER, first 240 bits, base32, in colon-joined groups of 4
 * (`F6PQ:6M42:…`, 12 groups). Distribution 2.8 accepts it as `kid` for keys in the root bundle.
 */
export function libtrustKeyId(spkiDer: Uint8Array): string {
  const encoded = base32(createHash('sha256').update(spkiDer).digest().subarray(0, 30));
  return encoded.match(/.{4}/g)?.join(':') ?? encoded;
}

/** Makes an RSA key and a self-signed certificate with openssl in `dir` (once per harness start). */
export async function createTokenKeys(dir: string): Promise<TokenKeys> {
  const keyPath = join(dir, 'token.key');
  const certPath = join(dir, 'token.crt');
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes',
    '-keyout', keyPath, '-out', certPath,
    '-days', '3650', '-subj', '/CN=test-token-issuer',
  ]);
  const [keyPem, certPem] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')]);
  const cert = new X509Certificate(certPem);
  const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey: createPrivateKey(keyPem), certPath, x5c: cert.raw.toString('base64'), kid: libtrustKeyId(spki) };
}
