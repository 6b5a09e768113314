import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which webhook targets are refused: anything that would make the platform POST into its own network (SSRF). A
 * console user who can create webhooks must not be able to reach Redis on 127.0.0.1:6379, a cloud metadata service,
 * or the office network, nor map its open ports from delivery records.
 *
 * `private` targets (loopback, RFC 1918, unique-local, link-local, CGNAT, reserved ranges) are allowed when the
 * operator sets WEBHOOK_ALLOW_PRIVATE_TARGETS=true for an on-premises receiver; `never` targets (cloud metadata,
 * multicast, the unspecified address) are no HTTP receiver anywhere and stay refused.
 */
export type TargetKind = 'loopback' | 'private' | 'link-local' | 'shared (CGNAT)' | 'reserved' | 'metadata' | 'multicast' | 'unspecified';

export interface RefusedTarget {
  kind: TargetKind;
  /** Refused even with WEBHOOK_ALLOW_PRIVATE_TARGETS=true. */
  always: boolean;
}

const ALWAYS: ReadonlySet<TargetKind> = new Set<TargetKind>(['metadata', 'multicast', 'unspecified']);

const refused = (kind: TargetKind): RefusedTarget => ({ kind, always: ALWAYS.has(kind) });

/** Cloud metadata services' addresses (AWS/GCP/Azure/OpenStack, AWS ECS and IPv6, Alibaba, Oracle). */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', '192.0.0.192', 'fd00:ec2::254']);

/** Cloud metadata services' host names; any name under .internal or .localhost is not on the internet either. */
const METADATA_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

type Range = [prefix: number[], bits: number, kind: TargetKind | 'embedded-ipv4'];

const V4_RANGES: Range[] = [
  [[0], 8, 'unspecified'],
  [[10], 8, 'private'],
  [[100, 64], 10, 'shared (CGNAT)'],
  [[127], 8, 'loopback'],
  [[169, 254], 16, 'link-local'],
  [[172, 16], 12, 'private'],
  [[192, 0, 0], 24, 'reserved'],
  [[192, 0, 2], 24, 'reserved'],
  [[192, 88, 99], 24, 'reserved'],
  [[192, 168], 16, 'private'],
  [[198, 18], 15, 'reserved'],
  [[198, 51, 100], 24, 'reserved'],
  [[203, 0, 113], 24, 'reserved'],
  [[224], 4, 'multicast'],
  [[240], 4, 'reserved'],
];

/** IPv6 ranges as bytes; embedded-ipv4 ranges carry an IPv4 address that is judged instead. */
const V6_RANGES: Array<Range & { v4At?: number }> = [
  Object.assign([[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96, 'embedded-ipv4'] as Range, { v4At: 12 }),
  Object.assign([[0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96, 'embedded-ipv4'] as Range, { v4At: 12 }),
  Object.assign([[0x20, 0x02], 16, 'embedded-ipv4'] as Range, { v4At: 2 }),
  [[0, 0x64, 0xff, 0x9b, 0, 1], 48, 'private'],
  [[1, 0, 0, 0, 0, 0, 0, 0], 64, 'reserved'],
  [[0x20, 0x01, 0, 0], 32, 'reserved'],
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'reserved'],
  [[0xfc], 7, 'private'],
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'private'],
  [[0xff], 8, 'multicast'],
];

function inRange(bytes: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const mask = bits - i * 8 >= 8 ? 0xff : (0xff << (8 - (bits - i * 8))) & 0xff;
    if ((bytes[i] & mask) !== ((prefix[i] ?? 0) & mask)) {
      return false;
    }
  }
  return true;
}

function v4Bytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** The 16 bytes of a valid IPv6 address (net.isIPv6), a trailing dotted IPv4 part included. */
function v6Bytes(ip: string): number[] {
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = v4Bytes(dotted[1]);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

/** Why an IP address may not be a webhook target, or null for a public address. */
export function refusedAddress(ip: string): RefusedTarget | null {
  const address = ip.replace(/^\[|\]$/g, '').toLowerCase();
  if (METADATA_ADDRESSES.has(address)) {
    return refused('metadata');
  }
  if (isIPv4(address)) {
    const bytes = v4Bytes(address);
    const range = V4_RANGES.find(([prefix, bits]) => inRange(bytes, prefix, bits));
    return range ? refused(range[2] as TargetKind) : null;
  }
  if (!isIPv6(address)) {
    return refused('reserved'); // not an address at all: never connect to it
  }
  const bytes = v6Bytes(address);
  if (bytes.every((b) => b === 0)) {
    return refused('unspecified');
  }
  if (bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1) {
    return refused('loopback');
  }
  if (bytes.slice(0, 12).every((b) => b === 0)) {
    return refused('reserved'); // IPv4-compatible (deprecated)
  }
  for (const range of V6_RANGES) {
    const [prefix, bits, kind] = range;
    if (!inRange(bytes, prefix, bits)) {
      continue;
    }
    if (kind === 'embedded-ipv4') {
      const at = range.v4At as number;
      return refusedAddress(bytes.slice(at, at + 4).join('.'));
    }
    return refused(kind);
  }
  return null;
}

/**
 * Why a URL's host (as the WHATWG URL parser gives it: IPv4 in any notation, 2130706433 or 0x7f.1 included, is
 * already dotted decimal; IPv6 in brackets) may not be a webhook target before any DNS lookup, or null.
 */
export function refusedHost(hostname: string): RefusedTarget | null {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  if (isIPv4(host) || host.startsWith('[')) {
    return refusedAddress(host);
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return refused('loopback');
  }
  if (METADATA_NAMES.has(host)) {
    return refused('metadata');
  }
  if (host.endsWith('.internal')) {
    return refused('private');
  }
  return null;
}

/** Whether a refusal stands under the operator's WEBHOOK_ALLOW_PRIVATE_TARGETS setting. */
export function isRefused(target: RefusedTarget | null, allowPrivate: boolean): target is RefusedTarget {
  return target !== null && (target.always || !allowPrivate);
}

export function refusalText(host: string, target: RefusedTarget, address?: string): string {
  const where = address && address !== host ? `${host} (${address})` : host;
  const hint = target.always ? '' : ' An on-premises receiver on a private network needs WEBHOOK_ALLOW_PRIVATE_TARGETS=true.';
  return `The webhook target ${where} is a ${target.kind} address; webhooks are only sent to public internet addresses.${hint}`;
}
