import { createHash } from 'node:crypto';
import { digestOf } from '../../registry/digest';

/** Deterministic bytes of `size` (JSON-ish, like a manifest or config) and their digest. */
export function sampleContent(size: number, seed = 0, algorithm: 'sha256' | 'sha512' = 'sha256'): { bytes: Buffer; digest: string } {
  const bytes = Buffer.alloc(size);
  let block = Buffer.alloc(0);
  for (let offset = 0, counter = 0; offset < size; offset += block.byteLength, counter += 1) {
    block = createHash('sha256').update(`${seed}:${counter}`).digest();
    block.copy(bytes, offset);
  }
  return { bytes, digest: digestOf(bytes, algorithm) };
}
