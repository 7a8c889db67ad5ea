import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('the object or address the question says works is the comparison, not what fails', () => {
  it('reads "works / answers / is fine on, at, from" before a name and before an address the same way', () => {
    // An address after "is fine from" works: the other one is the source that fails.
    const ip = extractEntities('curl to the ClusterIP is fine from 10.0.0.5 but times out from 10.0.0.6');
    expect(ip.ips.find((m) => m.ip === '10.0.0.5')?.works).toBe(true);
    expect(ip.ips.find((m) => m.ip === '10.0.0.6')?.works).toBeUndefined();
    // A node after "answers on" works: the node that fails fills.
    expect(fills('the DNS query answers on node-2 but times out on node-3').get('<node-name>')).toBe(
      'node-3',
    );
    expect(fills('DNS 查询 answers on node-2，但在 node-3 上超时').get('<node-name>')).toBe('node-3');
    // Not when the question says it does not work there.
    expect(fills('it does not work on node-2').get('<node-name>')).toBe('node-2');
  });
});

describe('one list of units: a size, a duration or a count after a number is no port', () => {
  it('reads the units the same way after a port word and after a bare number', () => {
    // A count after `端口`: `3 台` is how many machines, so 6443 is the one port.
    expect(fills('访问 6443 端口 3 台 node 都超时').get('<port>')).toBe('6443');
    // A size after a bare well-known number, in traditional Chinese too.
    expect(fills('CoreDNS 回應 53 字節 後就斷了').get('<port>')).toBeUndefined();
    expect(fills('the reply is cut after 443 bytes').get('<port>')).toBeUndefined();
    // A duration after `port N`.
    expect(fills('port 443 sec timeout on every retry').get('<port>')).toBeUndefined();
    // A word that starts like a unit is no unit: `K3S_TOKEN` after `:6443`.
    expect(
      fills('curl -sfL https://get.k3s.io | K3S_URL=https://myserver:6443 K3S_TOKEN=XXX sh -').get('<port>'),
    ).toBe('6443');
  });
});
