/**
 * Windows build numbers → the release names Windows container images are tagged with.
 *
 * `os.version` in a manifest list is a full build (`10.0.17763.5820`); the tags people know are
 * `ltsc2019`, `1809`, `ltsc2022`. repo-info has a TODO to map them (peers.md idea 8). Builds from
 * hcsshim osversion/windowsbuilds.go (RS1 … V21H2Server) and containerd's platforms package
 * (v23H2 = 25398, ltsc2025 = 26100); release names from Microsoft's "Windows container version
 * compatibility" page.
 */
const RELEASES: ReadonlyMap<string, { readonly name: string; readonly label: string }> = new Map([
  ['10.0.14393', { name: 'ltsc2016', label: 'ltsc2016' }], // RS1, version 1607
  ['10.0.16299', { name: '1709', label: '1709' }], // RS3, semi-annual channel
  ['10.0.17134', { name: '1803', label: '1803' }], // RS4
  ['10.0.17763', { name: 'ltsc2019', label: 'ltsc2019 (1809)' }], // RS5
  ['10.0.18362', { name: '1903', label: '1903' }], // 19H1
  ['10.0.18363', { name: '1909', label: '1909' }], // 19H2
  ['10.0.19041', { name: '2004', label: '2004' }], // 20H1
  ['10.0.19042', { name: '20H2', label: '20H2' }],
  ['10.0.20348', { name: 'ltsc2022', label: 'ltsc2022' }], // 21H2 server
  ['10.0.25398', { name: '23H2', label: '23H2 (annual channel)' }],
  ['10.0.26100', { name: 'ltsc2025', label: 'ltsc2025' }],
]);

const VERSION = /^[0-9]+\.[0-9]+\.[0-9]+(?:\.[0-9]+)*$/;

/**
 * The release a Windows `os.version` belongs to: `10.0.17763.5820` → `ltsc2019 (1809)`; undefined
 * for builds not in the table (Windows client builds, future releases, non-versions).
 */
export function windowsReleaseName(osVersion: string): string | undefined {
  return releaseOf(osVersion)?.label;
}

/**
 * A Windows `os.version` with its short release name in front: `10.0.17763.5820` →
 * `ltsc2019 10.0.17763.5820`. Unknown builds come back unchanged.
 */
export function describeWindowsVersion(osVersion: string): string {
  const release = releaseOf(osVersion);
  return release ? `${release.name} ${osVersion}` : osVersion;
}

function releaseOf(osVersion: string) {
  if (osVersion.length > 64 || !VERSION.test(osVersion)) return undefined;
  return RELEASES.get(osVersion.split('.').slice(0, 3).join('.'));
}
