import { BlockList, isIP } from 'node:net';

// Addresses a server-side fetch must not reach unless the user allows it (SSRF guard).
const BLOCKED = new BlockList();
BLOCKED.addSubnet('0.0.0.0', 8, 'ipv4'); // unspecified, "this network"
BLOCKED.addSubnet('10.0.0.0', 8, 'ipv4');
BLOCKED.addSubnet('100.64.0.0', 10, 'ipv4'); // carrier-grade NAT
BLOCKED.addSubnet('127.0.0.0', 8, 'ipv4');
BLOCKED.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, cloud metadata
BLOCKED.addSubnet('172.16.0.0', 12, 'ipv4');
BLOCKED.addSubnet('192.168.0.0', 16, 'ipv4');
BLOCKED.addSubnet('224.0.0.0', 3, 'ipv4'); // multicast, reserved, broadcast
BLOCKED.addAddress('::', 'ipv6');
BLOCKED.addAddress('::1', 'ipv6');
BLOCKED.addSubnet('fc00::', 7, 'ipv6'); // unique local
BLOCKED.addSubnet('fe80::', 10, 'ipv6'); // link-local
BLOCKED.addSubnet('ff00::', 8, 'ipv6'); // multicast

/** The IPv4 address inside an IPv4-mapped or IPv4-compatible IPv6 address, or null. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::ffff:0:|::)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (dotted !== null) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex === null) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** True for loopback, private, link-local, unspecified, multicast and other non-public addresses (IPv4 or IPv6). */
export function isBlockedAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const withoutZone = bare.split('%')[0] ?? bare;
  const version = isIP(withoutZone);
  if (version === 0) throw new TypeError(`isBlockedAddress: expected an IP address, found '${address}'`);
  if (version === 4) return BLOCKED.check(withoutZone, 'ipv4');
  const mapped = embeddedIpv4(withoutZone);
  if (mapped !== null && isIP(mapped) === 4) return BLOCKED.check(mapped, 'ipv4');
  return BLOCKED.check(withoutZone, 'ipv6');
}
