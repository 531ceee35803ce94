import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPlatformChips, buildTagSummary } from '../../../shared/view-models';
import { fakeReport } from '../../testing/fake-report';
import { PlatformChips } from './PlatformChips';

afterEach(cleanup);

describe('PlatformChips', () => {
  const report = fakeReport('python:3.12');
  const chips = buildPlatformChips(report.images);
  const summaries = buildTagSummary(report).images;

  it('has one chip per platform image and none for attestations', () => {
    render(<PlatformChips chips={chips} summaries={summaries} selectedKey="linux/amd64" onSelect={() => undefined} />);
    const platforms = screen.getAllByTestId('platform-chip').map((chip) => chip.getAttribute('data-platform'));
    expect(report.images.filter((image) => image.kind === 'attestation')).toHaveLength(2);
    expect(platforms).toEqual(['linux/amd64', 'linux/arm64/v8', 'windows/amd64/10.0.17763.5820']);
  });

  it('puts attestations as badges on the chip of their image', () => {
    render(<PlatformChips chips={chips} summaries={summaries} selectedKey="linux/amd64" onSelect={() => undefined} />);
    const [amd64, arm64, windows] = screen.getAllByTestId('platform-chip');
    expect(amd64?.querySelectorAll('[data-testid="attestation-badge"]')).toHaveLength(2);
    expect(amd64?.textContent).toContain('provenance');
    expect(amd64?.textContent).toContain('SBOM');
    expect(arm64?.querySelectorAll('[data-testid="attestation-badge"]')).toHaveLength(2);
    expect(windows?.querySelectorAll('[data-testid="attestation-badge"]')).toHaveLength(0);
  });

  it('labels Windows chips with the release name and build', () => {
    render(<PlatformChips chips={chips} summaries={summaries} selectedKey="linux/amd64" onSelect={() => undefined} />);
    const windows = screen.getAllByTestId('platform-chip')[2];
    expect(windows?.textContent).toContain('ltsc2019 10.0.17763.5820');
  });

  it('selects by click and by arrow keys, as a radio group', () => {
    const onSelect = vi.fn();
    render(<PlatformChips chips={chips} summaries={summaries} selectedKey="linux/amd64" onSelect={onSelect} />);
    const [amd64, arm64] = screen.getAllByTestId('platform-chip');
    expect(amd64?.getAttribute('aria-checked')).toBe('true');
    expect(amd64?.tabIndex).toBe(0);
    expect(arm64?.tabIndex).toBe(-1);
    fireEvent.click(arm64 as HTMLElement);
    expect(onSelect).toHaveBeenLastCalledWith('linux/arm64/v8');
    fireEvent.keyDown(amd64 as HTMLElement, { key: 'ArrowLeft' });
    expect(onSelect).toHaveBeenLastCalledWith('windows/amd64/10.0.17763.5820');
  });
});
