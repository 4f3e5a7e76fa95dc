/**
 * Where a webhook may send (no server-side request forgery): the host of its URL is resolved and
 * every address it resolves to must be public, unless WEBHOOK_ALLOWLIST names the host or a
 * subnet holding the address. Checked when an endpoint is created and again at every delivery,
 * and the delivery connects to the very address checked (see pinnedLookup), so a name that
 * resolves elsewhere the second time (DNS rebinding) cannot reach inside. The ranges are held
 * in node's own net.BlockList, which also matches IPv4-mapped IPv6 addresses (::ffff:127.0.0.1)
 * against the IPv4 ranges.
 */
import { promises as dns, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Ranges no webhook reaches unless allowlisted, each with what it is (said in refusals). */
const INTERNAL: readonly [what: string, cidrs: readonly string[]][] = [
  ['unspecified', ['0.0.0.0/8', '::/128']],
  ['loopback', ['127.0.0.0/8', '::1/128']],
  ['private (RFC 1918)', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']],
  ['shared address space (CGNAT, 100.64.0.0/10)', ['100.64.0.0/10']],
  ['link-local', ['169.254.0.0/16', 'fe80::/10']],
  ['unique-local', ['fc00::/7', 'fec0::/10']],
  ['multicast', ['224.0.0.0/4', 'ff00::/8']],
  ['reserved', ['240.0.0.0/4', '192.0.0.0/24', '198.18.0.0/15']],
  // ::a.b.c.d (IPv4-compatible, deprecated) and NAT64's 64:ff9b::a.b.c.d embed an IPv4 address.
  ['IPv4-embedding', ['::/96', '64:ff9b::/96', '64:ff9b:1::/48']],
];

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 4 ? 'ipv4' : 'ipv6';
}

function subnetList(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address = '', prefix] = cidr.split('/');
    if (prefix === undefined) list.addAddress(address, family(address));
    else list.addSubnet(address, Number(prefix), family(address));
  }
  return list;
}

const RANGES = INTERNAL.map(([what, cidrs]) => ({ what, list: subnetList(cidrs) }));

/** What internal range an address lies in ("loopback", ...), or undefined when it is public. */
export function internalRange(address: string): string | undefined {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) === 0) return 'not an IP address';
  return RANGES.find((range) => range.list.check(bare, family(bare)))?.what;
}

/** The allowlist (WEBHOOK_ALLOWLIST) as names and subnets. */
export class Allowlist {
  private readonly names = new Set<string>();
  private readonly subnets = new BlockList();

  constructor(items: readonly string[]) {
    for (const item of items) {
      const bare = item.replace(/^\[(.*)\]$/, '$1');
      if (isIP(bare.split('/')[0] ?? '') === 0) this.names.add(bare.toLowerCase());
      else this.subnets.addSubnet(...subnetOf(bare));
    }
  }

  allowsHost(hostname: string): boolean {
    return this.names.has(hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase());
  }

  allowsAddress(address: string): boolean {
    return this.subnets.check(address, family(address));
  }
}

function subnetOf(item: string): [string, number, 'ipv4' | 'ipv6'] {
  const [address = '', prefix] = item.split('/');
  const kind = family(address);
  return [address, prefix === undefined ? (kind === 'ipv4' ? 32 : 128) : Number(prefix), kind];
}

/** A URL whose host is, or resolves to, an address it may not reach. */
export class AddressRefusedError extends Error {
  override name = 'AddressRefusedError';
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/**
 * The address a delivery to `url` connects to: its host resolved, each address checked. Throws
 * AddressRefusedError (a sentence) when one is internal and not allowlisted, or the host does
 * not resolve. Every address is checked, not only the one used: which a client picks is not
 * ours to know for other callers, and a name pointing both ways is refused.
 */
export async function checkedAddress(
  url: URL,
  allowlist: Allowlist,
  resolve: Resolver = systemResolver,
): Promise<LookupAddress> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: LookupAddress[];
  try {
    addresses = isIP(host) !== 0 ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw new AddressRefusedError(`the host ${host} does not resolve (${code})`);
  }
  if (addresses.length === 0) throw new AddressRefusedError(`the host ${host} does not resolve`);
  if (!allowlist.allowsHost(host))
    for (const { address } of addresses) {
      const what = internalRange(address);
      if (what !== undefined && !allowlist.allowsAddress(address))
        throw new AddressRefusedError(
          `${host === address ? 'the address' : `the host ${host} resolves to`} ${address}, which is ${what}; webhooks reach public addresses only, unless WEBHOOK_ALLOWLIST names the host or its subnet`,
        );
    }
  return addresses[0]!;
}

/** A `lookup` for http.request that answers the checked address, whatever the name. */
export function pinnedLookup({ address, family: kind }: LookupAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, list: LookupAddress[]) => void)(null, [
        { address, family: kind },
      ]);
    else callback(null, address, kind);
  };
}
