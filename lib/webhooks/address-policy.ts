import { isIP } from "node:net";
import { env } from "../env";

/** An IP address as its bytes: 4 for IPv4, 16 for IPv6. */
export interface IpAddress {
  version: 4 | 6;
  bytes: Uint8Array;
}

interface Network {
  version: 4 | 6;
  bytes: Uint8Array;
  prefix: number;
}

/** Which callback addresses are allowed: public ones always, others only as configured. */
export interface AddressPolicy {
  /** Every address is allowed (WEBHOOK_ALLOW_PRIVATE): for development and closed networks only. */
  allowPrivate: boolean;
  /** Networks allowed although not public (WEBHOOK_ALLOWED_NETWORKS), e.g. an internal LMS. */
  allowedNetworks: string[];
}

/** `reason` names the kind of address refused: "loopback", "private", "link-local" … */
export type AddressVerdict = { isAllowed: true } | { isAllowed: false; reason: string };

/** Parses an IPv4 or IPv6 address (brackets and a zone such as `%eth0` allowed); null if it is not one. */
export function parseIp(text: string): IpAddress | null {
  const address = text.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  const version = isIP(address);
  if (version === 4) return { version, bytes: Uint8Array.from(address.split(".").map(Number)) };
  if (version === 6) return { version, bytes: ipv6Bytes(address) };
  return null;
}

function ipv6Bytes(address: string): Uint8Array {
  // A dotted IPv4 tail ("::ffff:10.0.0.1") becomes two hex groups first.
  const withoutDots = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)].map((group) => group.toString(16)).join(":"),
  );
  const [left, right] = withoutDots.includes("::") ? withoutDots.split("::") : [withoutDots, undefined];
  const head = left ? left.split(":") : [];
  const tail = right ? right.split(":") : [];
  const groups = right === undefined ? head : [...head, ...Array(8 - head.length - tail.length).fill("0"), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, index) => {
    const value = parseInt(group, 16);
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  });
  return bytes;
}

export function parseNetwork(cidr: string): Network {
  const [address, prefixText] = cidr.split("/");
  const ip = parseIp(address);
  const prefix = Number(prefixText);
  const maxPrefix = ip?.version === 4 ? 32 : 128;
  if (!ip || !Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix) {
    throw new Error(`"${cidr}" is not a network such as 10.20.0.0/16 or fd00:1::/64`);
  }
  return { ...ip, prefix };
}

function isInNetwork(ip: IpAddress, network: Network): boolean {
  if (ip.version !== network.version) return false;
  for (let bit = 0; bit < network.prefix; bit++) {
    const mask = 0x80 >> bit % 8;
    if ((ip.bytes[bit >> 3] & mask) !== (network.bytes[bit >> 3] & mask)) return false;
  }
  return true;
}

// IANA's special-purpose registries (RFC 6890 and successors): nothing here is a public web server.
const NON_PUBLIC_IPV4: [string, string][] = [
  ["0.0.0.0/8", "unspecified"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "carrier-grade NAT"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"],
  ["192.0.2.0/24", "documentation"],
  ["192.88.99.0/24", "reserved"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmarking"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved"],
];
const NON_PUBLIC_IPV6: [string, string][] = [
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["64:ff9b:1::/48", "private"],
  ["100::/64", "reserved"],
  ["2001::/23", "reserved"],
  ["2001:db8::/32", "documentation"],
  ["3fff::/20", "documentation"],
  ["5f00::/16", "reserved"],
  ["fc00::/7", "private"],
  ["fe80::/10", "link-local"],
  ["fec0::/10", "private"],
  ["ff00::/8", "multicast"],
];
// IPv6 forms that carry an IPv4 address inside: judged by that address, so ::ffff:127.0.0.1 is loopback.
const EMBEDDING_IPV4: [string, number][] = [
  ["::ffff:0:0/96", 12],
  ["::ffff:0:0:0/96", 12],
  ["64:ff9b::/96", 12],
  ["2002::/16", 2],
];
const GLOBAL_UNICAST = parseNetwork("2000::/3");

const nonPublic = [...NON_PUBLIC_IPV4, ...NON_PUBLIC_IPV6].map(([cidr, reason]) => ({ network: parseNetwork(cidr), reason }));
const embedding = EMBEDDING_IPV4.map(([cidr, offset]) => ({ network: parseNetwork(cidr), offset }));

/** Why an address is not a public one ("loopback", "private" …), or null when it is public. */
export function describeNonPublic(ip: IpAddress): string | null {
  for (const { network, offset } of embedding) {
    if (isInNetwork(ip, network)) return describeNonPublic({ version: 4, bytes: ip.bytes.slice(offset, offset + 4) });
  }
  const match = nonPublic.find(({ network }) => isInNetwork(ip, network));
  if (match) return match.reason;
  // Everything else outside 2000::/3 is unassigned, including the deprecated IPv4-compatible ::/96.
  if (ip.version === 6 && !isInNetwork(ip, GLOBAL_UNICAST)) return "reserved";
  return null;
}

/** Whether a webhook may connect to this address under the policy. */
export function checkAddress(address: string, policy: AddressPolicy): AddressVerdict {
  const ip = parseIp(address);
  if (!ip) return { isAllowed: false, reason: "not an IP address" };
  if (policy.allowPrivate) return { isAllowed: true };
  const reason = describeNonPublic(ip);
  if (reason === null) return { isAllowed: true };
  if (policy.allowedNetworks.some((cidr) => isInNetwork(ip, parseNetwork(cidr)))) return { isAllowed: true };
  return { isAllowed: false, reason };
}

/** The operator's policy, from WEBHOOK_ALLOW_PRIVATE and WEBHOOK_ALLOWED_NETWORKS. */
export function addressPolicyFromEnv(): AddressPolicy {
  for (const cidr of env.WEBHOOK_ALLOWED_NETWORKS) parseNetwork(cidr);
  return { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE, allowedNetworks: env.WEBHOOK_ALLOWED_NETWORKS };
}
