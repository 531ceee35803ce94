import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { base32, createTokenKeys, libtrustKeyId } from './token-keys';

describe('base32', () => {
  it('matches RFC 4648 test vectors (no padding)', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [input, output] of vectors) expect(base32(Buffer.from(input))).toBe(output);
  });
});

describe('libtrustKeyId', () => {
  it('is 12 colon-joined groups of 4 base32 characters', () => {
    expect(libtrustKeyId(Buffer.from('any key'))).toMatch(/^([A-Z2-7]{4}:){11}[A-Z2-7]{4}$/);
  });
});

describe('createTokenKeys', () => {
  it('makes a self-signed certificate whose DER is the x5c entry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'regscope-token-keys-test-'));
    try {
      const keys = await createTokenKeys(dir);
      const cert = new X509Certificate(readFileSync(keys.certPath));
      expect(cert.subject).toContain('CN=test-token-issuer');
      expect(cert.raw.toString('base64')).toBe(keys.x5c);
      expect(cert.checkPrivateKey(keys.privateKey)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
