import { describe, expect, it } from 'vitest';
import { listedWithNetworks } from '../../src/answer/cidr-list.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

/** Whether the first mention of `ip` in `text` is listed with networks. */
function listed(text: string, ip: string): boolean {
  const start = text.indexOf(ip);
  return listedWithNetworks(text, start, start + ip.length);
}

describe('listedWithNetworks', () => {
  it('is an address next to a network in a list', () => {
    expect(listed('NO_PROXY=10.0.0.0/8,192.168.1.10,172.16.0.0/12,.svc', '192.168.1.10')).toBe(true);
    expect(
      listed('allowed CIDRs 10.244.0.0/16, 10.96.0.0/12, 192.168.56.11 in the policy', '192.168.56.11'),
    ).toBe(true);
    expect(listed('白名单 10.0.0.0/8、192.168.1.10，其余拒绝', '192.168.1.10')).toBe(true);
  });

  it('is no address in prose, nor one whose neighbours are single addresses', () => {
    expect(listed('pod 10.244.1.5 cannot reach 10.244.2.7, pod cidr 10.244.0.0/16', '10.244.2.7')).toBe(
      false,
    );
    expect(listed('BGP peers 192.168.10.11, 192.168.10.12 not established', '192.168.10.12')).toBe(false);
    expect(listed('从 10.0.0.5 访问 10.0.0.6 超时，集群网段 10.0.0.0/16', '10.0.0.6')).toBe(false);
    expect(
      listed('$ ip r s: 10.187.3.0/24 dev cni0 src 10.187.3.1; 172.16.0.0/24 dev eth0', '10.187.3.1'),
    ).toBe(false);
  });
});

describe('placeholder fills: an address in a setting that lists networks is no target', () => {
  it('fills no target from a proxy exclusion or an allow-list', () => {
    const proxy =
      'Pods cannot reach the internet. NO_PROXY=10.0.0.0/8,192.168.1.10,172.16.0.0/12,.svc is set and curl https://example.com times out.';
    expect(fills(proxy).get('<target-ip>')).toBeUndefined();
    const zh = 'pod 访问外网超时，节点上 no_proxy 设置为 10.0.0.0/8,192.168.1.10,172.16.0.0/12';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
  });

  it('still fills the address the report tries, even one that is also listed', () => {
    const policy =
      'Calico: allowed CIDRs 10.244.0.0/16, 10.96.0.0/12, 192.168.56.11 in the GlobalNetworkPolicy; pod cannot reach 192.168.56.20:5432';
    expect(fills(policy).get('<target-ip>')).toBe('192.168.56.20');
    expect(fills('白名单 10.0.0.0/8、192.168.1.10，pod 访问 192.168.1.10 超时').get('<target-ip>')).toBe(
      '192.168.1.10',
    );
  });
});
