/**
 * What kind of network address a URL host names, for the SSRF guards (token realms, redirects,
 * foreign-layer URLs).
 *
 * Works on host text only: shared/ has no DNS. A public name that resolves to a private address is
 * the Node side's to catch after resolution (regclient internal/regnet/regnet.go resolves first).
 */

/** Why an address is not a public one. */
export type LocalAddressKind = 'loopback' | 'link-local' | 'private' | 'unspecified' | 'multicast' | 'reserved';

/**
 * The kind of non-public address `host` is, or undefined for a public address or an ordinary name.
 *
 * `host` is a host name as `URL.hostname` gives it, with or without IPv6 brackets, optionally with a
 * `:port`. It is first put through the WHATWG URL host parser, so `2130706433`, `0x7f.1` and
 * `[::ffff:127.0.0.1]` are all recognised as 127.0.0.1. Text that is not a valid host at all is
 * treated as `reserved` (fail closed: the callers refuse what is not public).
 */
export function localAddressKind(host: string): LocalAddressKind | undefined {
  const hostname = canonicalHostname(host);
  if (hostname === undefined) return 'reserved';
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  // RFC 6761 §6.3: `localhost` and every name under it are loopback; WHATWG already lower-cased.
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback';
  if (name.startsWith('[')) {
    const groups = parseIpv6(name.slice(1, -1));
    return groups ? ipv6Kind(groups) : 'reserved';
  }
  const ipv4 = parseIpv4(name);
  return ipv4 ? ipv4Kind(ipv4) : undefined;
}

/** True when `host` is on this machine: `localhost` (and `*.localhost`), 127.0.0.0/8, `::1`. */
export function isLoopbackHost(host: string): boolean {
  return localAddressKind(host) === 'loopback';
}

/**
 * True when `host` is not a public address: loopback, link-local (cloud metadata 169.254.169.254),
 * private (RFC 1918, CGNAT, IPv6 ULA), unspecified, multicast or reserved, including the IPv6 forms
 * that embed such an IPv4 address. The ranges follow ggcr's realm check (Go `IsLoopback`,
 * `IsPrivate`, `IsLinkLocalUnicast`, `IsUnspecified`, bearer.go) and regclient's regnet.go, plus the
 * non-global ranges of the IANA special-purpose registries.
 */
export function isPrivateOrLocalAddress(host: string): boolean {
  return localAddressKind(host) !== undefined;
}

/** The WHATWG-canonical hostname (`[::1]`, `127.0.0.1`, `example.com`), or undefined when `host` is not one. */
function canonicalHostname(host: string): string | undefined {
  if (host === '' || host.length > 512 || /[\s/?#@\\]/.test(host)) return undefined;
  // A bare IPv6 address ("::1") has several colons; a host with a port has one.
  const bracketed = !host.startsWith('[') && (host.match(/:/g)?.length ?? 0) > 1 ? `[${host}]` : host;
  try {
    return new URL(`http://${bracketed}/`).hostname;
  } catch {
    return undefined;
  }
}

function parseIpv4(name: string): number[] | undefined {
  const parts = name.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^[0-9]{1,3}$/.test(part))) return undefined;
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

function ipv4Kind([a = 0, b = 0, c = 0]: number[]): LocalAddressKind | undefined {
  if (a === 127) return 'loopback';
  if (a === 0) return 'unspecified'; // 0.0.0.0/8 "this network"; 0.0.0.0 reaches localhost on Linux
  if (a === 169 && b === 254) return 'link-local'; // cloud metadata lives at 169.254.169.254
  if (a === 10) return 'private';
  if (a === 172 && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  // RFC 6598 shared address space (CGNAT); Alibaba Cloud's metadata service is 100.100.100.200.
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  if (a === 192 && b === 0 && c === 0) return 'reserved'; // RFC 6890 IETF protocol assignments
  if (a === 198 && (b === 18 || b === 19)) return 'reserved'; // RFC 2544 benchmarking
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved'; // includes 255.255.255.255
  return undefined;
}

/** Eight 16-bit groups of a canonical (WHATWG-serialised) IPv6 address, or undefined. */
function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  return groups.map((group) => parseInt(group, 16));
}

function ipv6Kind(g: number[]): LocalAddressKind | undefined {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = () => ipv4Kind([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]);
  const zeroTo = (n: number) => g.slice(0, n).every((group) => group === 0);
  if (zeroTo(7) && g7 === 0) return 'unspecified';
  if (zeroTo(7) && g7 === 1) return 'loopback';
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (deprecated IPv4-compatible) reach the IPv4 address.
  if (zeroTo(5) && (g5 === 0xffff || g5 === 0)) return embedded();
  // 64:ff9b::/96, the NAT64 well-known prefix, translates to the embedded IPv4 address (RFC 6052).
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embedded();
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'private'; // RFC 8215 local-use NAT64
  // 2002::/16 (6to4) carries an IPv4 address in groups 1–2.
  if (g0 === 0x2002) return ipv4Kind([g1 >> 8, g1 & 0xff, g2 >> 8, g2 & 0xff]);
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // fec0::/10, deprecated site-local
  if ((g0 & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local (fd00:ec2::254 is AWS metadata)
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  return undefined;
}
