import { describe, expect, it } from 'vitest';
import { fakeReport } from '../../testing/fake-report';
import { findChip, pickSides } from './pick-sides';

describe('pickSides', () => {
  const report = fakeReport('python:3.12');

  it('takes the two platforms named, of one tag', () => {
    const sides = pickSides(report, ['linux/arm64/v8', 'windows/amd64/10.0.17763.5820']);
    expect(sides.a?.chip.key).toBe('linux/arm64/v8');
    expect(sides.b?.chip.key).toBe('windows/amd64/10.0.17763.5820');
  });

  it('defaults to linux/amd64 and the next platform', () => {
    const sides = pickSides(report, []);
    expect(sides.a?.chip.key).toBe('linux/amd64');
    expect(sides.b?.chip.key).toBe('linux/arm64/v8');
  });

  it('never offers an attestation as a side', () => {
    const keys = pickSides(report, []).a?.chips.map((chip) => chip.key) ?? [];
    expect(keys.some((key) => key.startsWith('unknown'))).toBe(false);
  });

  it('uses the same platform on both tags when one is named', () => {
    const other = fakeReport('python:3.12-slim');
    const sides = pickSides(report, ['linux/arm64/v8'], other);
    expect(sides.a?.chip.key).toBe('linux/arm64/v8');
    expect(sides.b?.chip.key).toBe('linux/arm64/v8');
    expect(sides.b?.image.digest).not.toBe(sides.a?.image.digest);
  });

  it('finds a chip from a looser platform text', () => {
    const chips = pickSides(report, []).a?.chips ?? [];
    expect(findChip(chips, 'linux/arm64')?.key).toBe('linux/arm64/v8');
    expect(findChip(chips, 'not a platform')).toBeUndefined();
  });
});
