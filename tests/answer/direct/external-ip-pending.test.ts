import { describe, expect, it } from 'vitest';
import {
  asksAboutPendingExternalIp,
  statesExternalIpPending,
} from '../../../src/answer/direct/external-ip-pending.js';

describe('statesExternalIpPending', () => {
  it('reads a pasted get-svc row whose EXTERNAL-IP is <pending>', () => {
    expect(
      statesExternalIpPending(
        'The EXTERNAL-IP never shows up: `web-front LoadBalancer 10.100.202.157 <pending> 80:31222/TCP,443:32409/TCP 7m19s`.',
      ),
    ).toBe(true);
    expect(
      statesExternalIpPending(
        'ingress-nginx-controller   LoadBalancer   10.96.44.3   <pending>   80:30080/TCP',
      ),
    ).toBe(true);
  });

  it('reads "pending" said of the external address or of a LoadBalancer Service, in English and Chinese', () => {
    expect(
      statesExternalIpPending('On bare metal I get <pending> status of EXTERNAL-IP on my Service.'),
    ).toBe(true);
    expect(statesExternalIpPending('The external IP stays pending for hours.')).toBe(true);
    expect(statesExternalIpPending('My Service of type LoadBalancer is stuck in <pending>.')).toBe(true);
    expect(statesExternalIpPending('EXTERNAL-IP 一直 pending')).toBe(true);
    expect(statesExternalIpPending('LoadBalancer 的外部 IP 一直是 pending，访问不了')).toBe(true);
    expect(statesExternalIpPending('外部 IP 一直处于 Pending 状态')).toBe(true);
  });

  it('reads the external address said never to be assigned', () => {
    expect(statesExternalIpPending('On bare metal no external load balancer IP is assigned.')).toBe(true);
    expect(statesExternalIpPending('The external IP is never allocated to the ingress Service.')).toBe(true);
    expect(statesExternalIpPending('装了 ingress-nginx，外部 IP 一直分配不到')).toBe(true);
    expect(statesExternalIpPending('The pod IP is never allocated')).toBe(false);
    expect(statesExternalIpPending('Pod 一直分配不到 IP')).toBe(false);
  });

  it('does not read a pending pod or node, an allocated address or a NodePort report', () => {
    expect(statesExternalIpPending('coredns pod stuck in pending after applying flannel.yml')).toBe(false);
    expect(statesExternalIpPending('The LoadBalancer works but the metallb controller pod is Pending.')).toBe(
      false,
    );
    expect(statesExternalIpPending('coredns 一直 Pending，节点 NotReady')).toBe(false);
    expect(statesExternalIpPending('web LoadBalancer 10.0.0.5 203.0.113.9 80:31000/TCP 3d')).toBe(false);
    expect(statesExternalIpPending('NodePort 30080 is not reachable from outside the cluster')).toBe(false);
    expect(statesExternalIpPending('MetalLB VIP 时通时断')).toBe(false);
  });
});

describe('asksAboutPendingExternalIp', () => {
  const report =
    'I installed ingress-nginx on bare metal: `ingress-nginx-controller LoadBalancer 10.96.44.3 <pending> 80:30080/TCP`.';

  it('holds for a why clause about the address, the load balancer or the pending state', () => {
    expect(
      asksAboutPendingExternalIp(report, 'Why does the LoadBalancer Service never get an external IP'),
    ).toBe(true);
    expect(asksAboutPendingExternalIp(report, 'Why does it stay pending')).toBe(true);
    expect(asksAboutPendingExternalIp('EXTERNAL-IP 一直是 pending。', '为什么外部 IP 一直分配不到')).toBe(
      true,
    );
  });

  it('does not hold for another why clause, or a report stating no pending address', () => {
    expect(asksAboutPendingExternalIp(report, 'Why does curl to the NodePort time out')).toBe(false);
    expect(
      asksAboutPendingExternalIp('coredns pod stuck in pending.', 'Why does the coredns pod stay pending'),
    ).toBe(false);
    expect(asksAboutPendingExternalIp('coredns 一直 Pending。', '为什么一直 Pending')).toBe(false);
    expect(asksAboutPendingExternalIp(report, 'Why does the metallb speaker pod stay pending')).toBe(false);
    expect(
      asksAboutPendingExternalIp(
        'No external IP is assigned to my NodePort Service.',
        'Why is no external IP assigned to my NodePort Service',
      ),
    ).toBe(false);
  });
});
