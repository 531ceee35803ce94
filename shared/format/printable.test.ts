import { describe, expect, it } from 'vitest';
import { printable } from './printable';

describe('printable', () => {
  it.each([
    ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.oci.image.manifest.v1+json'],
    ['evil\u001b[2J\u001b[31mred', 'evil?[2J?[31mred'],
    ['line one\nline two', 'line one?line two'],
    ['abc\u202Egnp.exe', 'abc?gnp.exe'],
    ['zero\u200Bwidth', 'zero?width'],
    ['naïve café', 'naïve café'],
  ])('%j → %j', (text, expected) => {
    expect(printable(text)).toBe(expected);
  });

  it('cuts long text', () => {
    expect(printable('x'.repeat(600), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
