import { isRefused, refusedAddress, refusedHost } from './webhook-target';

const hostOf = (url: string) => new URL(url).hostname;

describe('webhook targets', () => {
  it.each([
    ['http://127.0.0.1:6379/', 'loopback'],
    ['http://localhost/', 'loopback'],
    ['http://LOCALHOST./', 'loopback'],
    ['http://api.localhost/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:7f00:1]/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://017700000001/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://100.100.100.200/', 'metadata'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['http://metadata/', 'metadata'],
    ['http://instance-data/', 'metadata'],
    ['http://169.254.1.1/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://[fc00::1]/', 'private'],
    ['http://[fd12:3456::1]/', 'private'],
    ['http://db.corp.internal/', 'private'],
    ['http://100.64.0.1/', 'shared (CGNAT)'],
    ['http://100.127.255.255/', 'shared (CGNAT)'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://239.255.255.250/', 'multicast'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://255.255.255.255/', 'reserved'],
    ['http://[2002:7f00:1::]/', 'loopback'],
    ['http://[64:ff9b::a00:1]/', 'private'],
    ['http://[::127.0.0.1]/', 'reserved'],
  ])('%s is refused as %s', (url, kind) => {
    expect(refusedHost(hostOf(url))?.kind).toBe(kind);
  });

  it.each([
    'https://crm.example.com/hooks',
    'http://93.184.216.34/',
    'http://[2606:4700:4700::1111]/',
    'http://172.32.0.1/',
    'http://100.128.0.1/',
    'http://8.8.8.8/',
  ])('%s is a public target', (url) => {
    expect(refusedHost(hostOf(url))).toBeNull();
  });

  it('addresses a host name resolves to are judged the same way', () => {
    expect(refusedAddress('10.0.0.7')?.kind).toBe('private');
    expect(refusedAddress('::ffff:192.168.0.1')?.kind).toBe('private');
    expect(refusedAddress('203.0.113.9')?.kind).toBe('reserved');
    expect(refusedAddress('1.1.1.1')).toBeNull();
    expect(refusedAddress('not-an-address')).not.toBeNull();
  });

  it('WEBHOOK_ALLOW_PRIVATE_TARGETS lets loopback and private receivers through, never metadata, multicast or the unspecified address', () => {
    for (const host of ['127.0.0.1', '10.0.0.1', 'localhost', '[fe80::1]', '100.64.0.1']) {
      expect(isRefused(refusedHost(host), true)).toBe(false);
      expect(isRefused(refusedHost(host), false)).toBe(true);
    }
    for (const host of ['169.254.169.254', 'metadata.google.internal', '224.0.0.1', '0.0.0.0']) {
      expect(isRefused(refusedHost(host), true)).toBe(true);
    }
    expect(isRefused(refusedHost('crm.example.com'), false)).toBe(false);
  });
});
