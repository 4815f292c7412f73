import { describe, expect, it } from 'vitest';
import { bareHost, checkAddress } from './address.js';

describe('checkAddress', () => {
  it.each(['8.8.8.8', '1.1.1.1', '93.184.215.14', '2606:4700:4700::1111', '2a00:1450:4007:80c::200e'])(
    'allows the public unicast address %s',
    (address) => {
      expect(checkAddress(address)).toEqual({ allowed: true });
    },
  );

  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.255.255.255', 'private'],
    ['172.20.1.1', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['239.255.255.250', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['::1', 'loopback'],
    ['fc00::1', 'uniqueLocal'],
    ['fe80::abcd', 'linkLocal'],
    ['::ffff:10.0.0.1', 'ipv4Mapped'],
    ['ff02::1', 'multicast'],
    ['2002:a00:1::1', '6to4'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::a00:1', 'ipv4Compatible'],
  ])('refuses %s (%s)', (address, range) => {
    expect(checkAddress(address)).toEqual({ allowed: false, range });
  });

  it('refuses what is not an address', () => {
    expect(checkAddress('example.org')).toEqual({ allowed: false, range: 'invalid' });
  });

  it('strips IPv6 brackets and lower-cases hosts', () => {
    expect(bareHost('[::1]')).toBe('::1');
    expect(bareHost('WWW.Example.FR')).toBe('www.example.fr');
  });
});
