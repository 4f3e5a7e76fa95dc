/**
 * Where webhooks may send: internal ranges refused (IPv4, IPv6, IPv4-mapped, the forms URL
 * parsing turns into 127.0.0.1), every resolved address checked, the allowlist by name or subnet.
 * Resolution is faked here (no network in the unit tier).
 */
import type { LookupAddress } from 'node:dns';
import {
  AddressRefusedError,
  Allowlist,
  checkedAddress,
  internalRange,
  pinnedLookup,
} from '../../src/modules/webhook/webhook.address';

const none = new Allowlist([]);
const resolving =
  (table: Record<string, string[]>) =>
  async (host: string): Promise<LookupAddress[]> => {
    const found = table[host];
    if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('internal ranges', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private (RFC 1918)'],
    ['172.16.0.1', 'private (RFC 1918)'],
    ['172.31.255.255', 'private (RFC 1918)'],
    ['192.168.1.1', 'private (RFC 1918)'],
    ['100.64.0.1', 'shared address space (CGNAT, 100.64.0.0/10)'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:10.0.0.1', 'private (RFC 1918)'],
    ['64:ff9b::7f00:1', 'IPv4-embedding'],
  ])('%s is %s', (address, what) => {
    expect(internalRange(address)).toBe(what);
  });

  it.each([
    '93.184.215.14',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
  ])('%s is public', (address) => {
    expect(internalRange(address)).toBeUndefined();
  });
});

describe('checkedAddress', () => {
  const refused = async (url: string, resolve = resolving({})): Promise<string> => {
    const error = await checkedAddress(new URL(url), none, resolve).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AddressRefusedError);
    return (error as Error).message;
  };

  it.each([
    'http://127.0.0.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://017700000001/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.0.0.5:8080/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://0.0.0.0/',
  ])('refuses %s without resolving', async (url) => {
    expect(await refused(url)).toMatch(/which is/);
  });

  it('refuses a name resolving to loopback, and one resolving to public and private both', async () => {
    expect(
      await refused('https://localhost/', resolving({ localhost: ['127.0.0.1', '::1'] })),
    ).toBe(
      'the host localhost resolves to 127.0.0.1, which is loopback; webhooks reach public addresses only, unless WEBHOOK_ALLOWLIST names the host or its subnet',
    );
    expect(
      await refused(
        'https://two.example/',
        resolving({ 'two.example': ['93.184.215.14', '10.0.0.1'] }),
      ),
    ).toMatch(/resolves to 10\.0\.0\.1, which is private/);
  });

  it('refuses a name that does not resolve', async () => {
    expect(await refused('https://nowhere.invalid/')).toMatch(/does not resolve \(ENOTFOUND\)/);
  });

  it('answers the first address of a public name', async () => {
    const resolve = resolving({ 'hooks.example': ['93.184.215.14', '2606:2800::1'] });
    await expect(
      checkedAddress(new URL('https://hooks.example/x'), none, resolve),
    ).resolves.toEqual({
      address: '93.184.215.14',
      family: 4,
    });
  });

  it('lets through what the allowlist names: a host by name, or a subnet', async () => {
    const resolve = resolving({ 'hooks.internal': ['10.1.2.3'], localhost: ['127.0.0.1'] });
    const byName = new Allowlist(['hooks.internal']);
    await expect(
      checkedAddress(new URL('http://hooks.internal/'), byName, resolve),
    ).resolves.toEqual({
      address: '10.1.2.3',
      family: 4,
    });
    const bySubnet = new Allowlist(['127.0.0.0/8', '::1']);
    await expect(
      checkedAddress(new URL('http://localhost:9/'), bySubnet, resolve),
    ).resolves.toEqual({
      address: '127.0.0.1',
      family: 4,
    });
    await expect(
      checkedAddress(new URL('http://[::1]/'), bySubnet, resolve),
    ).resolves.toBeDefined();
    // The allowlist names that subnet only.
    await expect(checkedAddress(new URL('http://10.0.0.1/'), bySubnet, resolve)).rejects.toThrow(
      AddressRefusedError,
    );
  });
});

describe('pinnedLookup', () => {
  it('answers the checked address whatever name is asked, singly or as a list', () => {
    const lookup = pinnedLookup({ address: '93.184.215.14', family: 4 });
    const single = jest.fn();
    lookup('rebound.example', {}, single);
    expect(single).toHaveBeenCalledWith(null, '93.184.215.14', 4);
    const all = jest.fn();
    lookup('rebound.example', { all: true }, all);
    expect(all).toHaveBeenCalledWith(null, [{ address: '93.184.215.14', family: 4 }]);
  });
});
