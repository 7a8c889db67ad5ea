import { describe, expect, it } from 'vitest';
import { namedAddresses, takesNamedAddress } from '../../src/answer/named-objects.js';

describe('namedAddresses', () => {
  it("are the address placeholders a report's addresses fill", () => {
    const zh = namedAddresses(
      '自定义VPC下，子网配置SNAT后，子网下的pod无法访问大部分网段ip。当前配置ovn不知道要将172.18.120.173路由到哪',
    );
    expect(zh.has('<target-ip>')).toBe(true);
    expect(takesNamedAddress('kubectl ko trace <namespace>/<pod> <target-ip> icmp', zh)).toBe(true);
    expect(takesNamedAddress('kubectl ko nbctl lr-policy-list ovn-cluster', zh)).toBe(false);

    const en = namedAddresses(
      'VpcNatGateway pod has internet, but pods in VPC cannot reach internet (egress). I am able to ping 8.8.8.8 from the gateway pod only.',
    );
    expect(en.has('<target-ip>')).toBe(true);
    expect(takesNamedAddress('curl -sv -m 5 http://<target-ip>:<port>', en)).toBe(true);
  });

  it('are none for a report naming only objects by name, or no address', () => {
    // A pod, a namespace and a Service by name fill nearly every check alike: no address.
    const names = namedAddresses('pod nginx-7d9f8b-x2x in namespace shop cannot reach service redis-master');
    expect(names.size).toBe(0);
    expect(
      takesNamedAddress(
        'kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<cluster-ip>:<port>/',
        names,
      ),
    ).toBe(false);
    expect(namedAddresses('探针报 connect: connection refused 是网络问题吗').size).toBe(0);
  });
});
