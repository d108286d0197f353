import { BlockList, isIP } from 'node:net';

// Addresses a server-side fetch must not reach unless the user allows it (SSRF guard).
const BLOCKED = new BlockList();
BLOCKED.addSubnet('0.0.0.0', 8, 'ipv4'); // unspecified, "this network"
BLOCKED.addSubnet('10.0.0.0', 8, 'ipv4');
BLOCKED.addSubnet('100.64.0.0', 10, 'ipv4'); // carrier-grade NAT
BLOCKED.addSubnet('127.0.0.0', 8, 'ipv4');
BLOCKED.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, cloud metadata
BLOCKED.addSubnet('172.16.0.0', 12, 'ipv4');
BLOCKED.addSubnet('192.0.0.0', 24, 'ipv4'); // IETF protocol assignments
BLOCKED.addSubnet('192.168.0.0', 16, 'ipv4');
BLOCKED.addSubnet('198.18.0.0', 15, 'ipv4'); // benchmarking (often internal networks)
BLOCKED.addSubnet('224.0.0.0', 3, 'ipv4'); // multicast, reserved, broadcast
BLOCKED.addAddress('::', 'ipv6');
BLOCKED.addAddress('::1', 'ipv6');
BLOCKED.addSubnet('fc00::', 7, 'ipv6'); // unique local
BLOCKED.addSubnet('fe80::', 10, 'ipv6'); // link-local
BLOCKED.addSubnet('fec0::', 10, 'ipv6'); // site-local (deprecated, still private)
BLOCKED.addSubnet('ff00::', 8, 'ipv6'); // multicast

/** The eight 16-bit groups of a valid IPv6 address (a dotted IPv4 tail counts as two groups). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const lastColon = text.lastIndexOf(':');
  if (text.indexOf('.', lastColon) >= 0) {
    const octets = text.slice(lastColon + 1).split('.').map(Number);
    const high = (((octets[0] ?? 0) << 8) | (octets[1] ?? 0)).toString(16);
    const low = (((octets[2] ?? 0) << 8) | (octets[3] ?? 0)).toString(16);
    text = `${text.slice(0, lastColon + 1)}${high}:${low}`;
  }
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const gap = text.indexOf('::');
  const head = parse(gap < 0 ? text : text.slice(0, gap));
  const rest = gap < 0 ? [] : parse(text.slice(gap + 2));
  return [...head, ...new Array<number>(Math.max(0, 8 - head.length - rest.length)).fill(0), ...rest];
}

/**
 * The IPv4 address an IPv6 address carries, or null: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d),
 * IPv4-translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:AABB:CCDD::), in dotted or hex form.
 */
function embeddedIpv4(address: string): string | null {
  const groups = ipv6Groups(address);
  if (groups.length !== 8) return null;
  const zero = (from: number, to: number): boolean => groups.slice(from, to).every((group) => group === 0);
  const dotted = (high: number, low: number): string => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  const [g0, g1, g2, , g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  if (zero(0, 5) && (g5 === 0xffff || g5 === 0)) return dotted(g6, g7); // mapped, compatible (:: and ::1 land in 0.0.0.0/8)
  if (zero(0, 4) && g4 === 0xffff && g5 === 0) return dotted(g6, g7); // translated
  if (g0 === 0x64 && g1 === 0xff9b && zero(2, 6)) return dotted(g6, g7); // NAT64 well-known prefix
  if (g0 === 0x2002) return dotted(g1, g2); // 6to4
  return null;
}

/** True for loopback, private, link-local, unspecified, multicast and other non-public addresses (IPv4 or IPv6). */
export function isBlockedAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const withoutZone = bare.split('%')[0] ?? bare;
  const version = isIP(withoutZone);
  if (version === 0) throw new TypeError(`isBlockedAddress: expected an IP address, found '${address}'`);
  if (version === 4) return BLOCKED.check(withoutZone, 'ipv4');
  if (BLOCKED.check(withoutZone, 'ipv6')) return true;
  const embedded = embeddedIpv4(withoutZone);
  return embedded !== null && isIP(embedded) === 4 && BLOCKED.check(embedded, 'ipv4');
}
