import { lookup } from "node:dns/promises";
import { checkAddress, parseIp, type AddressPolicy } from "./address-policy";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type LookupHost = (hostname: string) => Promise<ResolvedAddress[]>;

/** The callback's address is refused by policy: asking again will not change the answer. */
export class CallbackRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CallbackRefusedError";
  }
}

/** The callback's host could not be resolved now; it may resolve later. */
export class CallbackUnresolvableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CallbackUnresolvableError";
  }
}

const lookupAll: LookupHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => ({
    address: entry.address,
    family: entry.family === 6 ? 6 : 4,
  }));

/**
 * The address to connect to for a host, after checking every address it resolves to. The caller
 * connects to exactly this address instead of resolving the name again, so a DNS answer that
 * changes between the check and the connection (DNS rebinding) cannot slip a private address in.
 * One refused address refuses the host: a public name has no business resolving to a private one.
 */
export async function resolveCheckedAddress(
  hostname: string,
  policy: AddressPolicy,
  lookupHost: LookupHost = lookupAll,
): Promise<ResolvedAddress> {
  const literal = parseIp(hostname);
  if (literal) {
    const address = hostname.replace(/^\[(.*)\]$/, "$1");
    const verdict = checkAddress(address, policy);
    if (!verdict.isAllowed) throw new CallbackRefusedError(`${address} is not a public address (${verdict.reason})`);
    return { address, family: literal.version };
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await lookupHost(hostname);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CallbackUnresolvableError(`${hostname} could not be resolved${code ? ` (${code})` : ""}`);
  }
  if (addresses.length === 0) throw new CallbackUnresolvableError(`${hostname} has no address`);
  for (const { address } of addresses) {
    const verdict = checkAddress(address, policy);
    if (!verdict.isAllowed) {
      throw new CallbackRefusedError(`${hostname} resolves to ${address}, which is not a public address (${verdict.reason})`);
    }
  }
  return addresses[0];
}
