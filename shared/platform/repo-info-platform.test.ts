import { describe, expect, it } from 'vitest';
import type { Platform } from './platform-model';
import { parseRepoInfoPlatform, repoInfoPlatform, type RepoInfoPlatformFields } from './repo-info-platform';

describe('repoInfoPlatform', () => {
  // repo-info-format.md §5.3 examples, then the defaults and the optional parts.
  it.each<[RepoInfoPlatformFields | undefined, string]>([
    [{ os: 'linux', architecture: 'amd64' }, 'linux; amd64'],
    [{ os: 'linux', architecture: 'arm', variant: 'v6' }, 'linux; arm variant v6'],
    [{ os: 'linux', architecture: 'arm64', variant: 'v8' }, 'linux; arm64 variant v8'],
    [{ os: 'linux', architecture: '386' }, 'linux; 386'],
    [{ os: 'windows', architecture: 'amd64', osVersion: '10.0.14393.3274' }, 'windows version 10.0.14393.3274; amd64'],
    [{ os: 'unknown', architecture: 'unknown' }, 'unknown; unknown'],
    [undefined, 'linux; amd64'],
    [{}, 'linux; amd64'],
    [{ architecture: 's390x' }, 'linux; s390x'],
    [{ os: 'windows' }, 'windows; amd64'],
    [{ os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.805', osFeatures: ['win32k'] }, 'windows version 10.0.17763.805 ft. win32k; amd64'],
    [{ os: 'linux', architecture: 'arm', variant: 'v7', features: ['sse4', 'aes'] }, 'linux; arm variant v7 ft. sse4, aes'],
    [{ os: 'linux', architecture: 'amd64', osVersion: '' }, 'linux version ; amd64'],
    [{ os: '', architecture: '' }, '; '],
  ])('%j → %s', (platform, expected) => {
    expect(repoInfoPlatform(platform)).toBe(expected);
  });
});

describe('parseRepoInfoPlatform', () => {
  it.each<[string, Platform]>([
    ['linux; amd64', { os: 'linux', architecture: 'amd64' }],
    ['linux; arm variant v6', { os: 'linux', architecture: 'arm', variant: 'v6' }],
    ['linux; arm64 variant v8', { os: 'linux', architecture: 'arm64', variant: 'v8' }],
    ['windows version 10.0.14393.3274; amd64', { os: 'windows', architecture: 'amd64', osVersion: '10.0.14393.3274' }],
    ['unknown; unknown', { os: 'unknown', architecture: 'unknown' }],
    [
      'windows version 10.0.17763.805 ft. win32k, x; arm variant v7 ft. sse4, aes',
      { os: 'windows', architecture: 'arm', variant: 'v7', osVersion: '10.0.17763.805', osFeatures: ['win32k', 'x'], features: ['sse4', 'aes'] },
    ],
  ])('%s → %j, and back', (text, expected) => {
    expect(parseRepoInfoPlatform(text)).toEqual(expected);
    expect(repoInfoPlatform(parseRepoInfoPlatform(text))).toBe(text);
  });
});
