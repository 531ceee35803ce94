import { RegscopeError, type ErrorStage } from '../../../shared/api/errors';

/**
 * Reads a response body into memory, refusing more than `maxBytes`.
 *
 * A declared `Content-Length` above the cap is refused before a byte is read; an undeclared or lying
 * one is cut off as soon as the cap is passed (reliability.md §5 row 7: "10 GB manifest").
 */
export async function readBodyCapped(
  body: AsyncIterable<Uint8Array> & { destroy?: (error?: Error) => unknown },
  declaredLength: string | undefined,
  maxBytes: number,
  what: { stage: ErrorStage; reference?: string; host: string },
): Promise<Buffer> {
  const tooLarge = (size: string) =>
    new RegscopeError({
      code: 'too-large',
      stage: what.stage,
      message: `${what.host} sent ${size}, more than the ${maxBytes} bytes allowed for a ${what.stage}`,
      ...(what.reference ? { reference: what.reference } : {}),
    });
  if (declaredLength !== undefined && /^\d+$/.test(declaredLength) && Number(declaredLength) > maxBytes) {
    body.destroy?.();
    throw tooLarge(`${declaredLength} bytes`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      body.destroy?.();
      throw tooLarge('a larger body');
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return Buffer.concat(chunks, total);
}
