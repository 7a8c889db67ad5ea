import { describe, expect, it } from 'vitest';
import { ipvsTable, ipvsVirtualServer } from '../../src/answer/ipvs-table.js';

describe('ipvsVirtualServer', () => {
  it('reads a virtual server row: protocol, address, port, scheduler', () => {
    expect(ipvsVirtualServer('ipvsadm -ln shows TCP ', ':443 rr persistent 10800 -> 10')).toBe(true);
    expect(ipvsVirtualServer('Masq；UDP  ', ':53 rr -> 10.244.0.2:53')).toBe(true);
    expect(ipvsVirtualServer('ipvsadm -Ln：TCP ', ':6443 wlc')).toBe(true);
  });

  it('reads no row from prose or other tools', () => {
    expect(ipvsVirtualServer('curl over TCP ', ':443 returns a reset')).toBe(false);
    expect(ipvsVirtualServer('ipvsadm -ln shows TCP ', ' rr')).toBe(false);
    expect(ipvsVirtualServer('dial tcp ', ':443: i/o timeout')).toBe(false);
    expect(ipvsVirtualServer('访问 TCP ', ':80 超时')).toBe(false);
  });
});

describe('ipvsTable', () => {
  it('is a table from two distinct virtual servers', () => {
    expect(ipvsTable(['10.0.0.1', '10.0.0.10', '10.0.0.10'])).toBe(true);
    expect(ipvsTable(['10.96.0.10', '10.96.0.10'])).toBe(false);
    expect(ipvsTable([])).toBe(false);
  });
});
