import { describe, expect, it } from 'vitest';
import { describeWindowsVersion, windowsReleaseName } from './windows-release';

describe('windowsReleaseName', () => {
  it.each<[string, string | undefined]>([
    ['10.0.14393', 'ltsc2016'],
    ['10.0.14393.3274', 'ltsc2016'],
    ['10.0.16299', '1709'],
    ['10.0.17134', '1803'],
    ['10.0.17763', 'ltsc2019 (1809)'],
    ['10.0.17763.5820', 'ltsc2019 (1809)'],
    ['10.0.18362', '1903'],
    ['10.0.18363', '1909'],
    ['10.0.19041', '2004'],
    ['10.0.19042', '20H2'],
    ['10.0.20348', 'ltsc2022'],
    ['10.0.20348.5622', 'ltsc2022'],
    ['10.0.25398', '23H2 (annual channel)'],
    ['10.0.26100', 'ltsc2025'],
    ['10.0.26100.33438', 'ltsc2025'],
    ['10.0.22621', undefined],
    ['10.0.99999', undefined],
    ['10.0', undefined],
    ['', undefined],
    ['ltsc2019', undefined],
    ['10.0.17763.x', undefined],
    [' 10.0.17763', undefined],
  ])('%j → %s', (osVersion, name) => {
    expect(windowsReleaseName(osVersion)).toBe(name);
  });
});

describe('describeWindowsVersion', () => {
  it.each<[string, string]>([
    ['10.0.17763.5820', 'ltsc2019 10.0.17763.5820'],
    ['10.0.14393.3274', 'ltsc2016 10.0.14393.3274'],
    ['10.0.20348.5622', 'ltsc2022 10.0.20348.5622'],
    ['10.0.25398.1', '23H2 10.0.25398.1'],
    ['10.0.26100.33438', 'ltsc2025 10.0.26100.33438'],
    ['10.0.19042.1', '20H2 10.0.19042.1'],
    ['10.0.22621.1', '10.0.22621.1'],
    ['', ''],
  ])('%j → %j', (osVersion, description) => {
    expect(describeWindowsVersion(osVersion)).toBe(description);
  });
});
