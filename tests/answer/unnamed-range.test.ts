import { describe, expect, it } from 'vitest';
import { checksUnnamedServiceRange } from '../../src/answer/unnamed-range.js';

const SERVICE_RANGE =
  'kubectl -n kube-system get pod -l component=kube-apiserver -o yaml | grep service-cluster-ip-range';
const ENDPOINTS =
  'kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name> -o wide';

describe('checksUnnamedServiceRange', () => {
  it('holds for the Service range check when the report names no address or range (EN and ZH)', () => {
    expect(
      checksUnnamedServiceRange(
        SERVICE_RANGE,
        'Kafka broker unable to connect to Zookeeper in latest 0.22.1 version. I am trying to create kafka cluster in k8s',
      ),
    ).toBe(true);
    expect(
      checksUnnamedServiceRange(SERVICE_RANGE, '在k8s部署milvus后，节点正常，但是使用python连接不上'),
    ).toBe(true);
  });

  it('does not hold when the report names an address, a CIDR or an overlap', () => {
    expect(
      checksUnnamedServiceRange(
        SERVICE_RANGE,
        'dial tcp 10.96.0.1:443: i/o timeout from a pod in default namespace',
      ),
    ).toBe(false);
    expect(
      checksUnnamedServiceRange(
        SERVICE_RANGE,
        'ClusterIP not working when IPVS mode enabled, clusterCIDR 172.27.0.0/16',
      ),
    ).toBe(false);
    expect(checksUnnamedServiceRange(SERVICE_RANGE, 'service 的网段和节点网段冲突了吗')).toBe(false);
    expect(checksUnnamedServiceRange(SERVICE_RANGE, 'which service-cluster-ip-range does kubeadm use?')).toBe(
      false,
    );
    expect(checksUnnamedServiceRange(SERVICE_RANGE, 'the source address is 2408:8220:247:dae0::1f')).toBe(
      false,
    );
  });

  it('does not hold for other checks', () => {
    expect(checksUnnamedServiceRange(ENDPOINTS, 'Kafka cannot connect to Zookeeper')).toBe(false);
  });
});
