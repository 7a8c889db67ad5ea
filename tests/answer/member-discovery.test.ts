/**
 * A report saying that a clustered application's members cannot find one another or form their cluster
 * (src/answer/member-discovery.ts): the headless Service's runbook answers it, and the report is not another trade's.
 */
import { describe, expect, it } from 'vitest';
import { outsideNetworking } from '../../src/answer/clarify.js';
import { statesMemberDiscoveryFailure } from '../../src/answer/member-discovery.js';
import { uncoveredUnstatedFailure } from '../../src/answer/unstated-failure.js';

const FORM_CLUSTER =
  'Fails to discover master and form cluster **Chart version:** 7.3.0 **Kubernetes version:** 1.14.6 ... `image: docker.elastic.co/elasticsearch/elasticsearch-oss` `imageTag: 7.3.2` ... `minimumMasterNodes: 2` ... `podManagementPolicy: Parallel` ...';

describe('statesMemberDiscoveryFailure', () => {
  it.each([
    'The `master` nodes cannot form a cluster as they cannot see each other; each master node can only see itself.',
    FORM_CLUSTER,
    "Kubernetes unable to form cluster as masters can't be discovered. On Kubernetes a 3 node master deployment fails.",
    "zookeeper statefulset bootstrap stuck, members can't find each other via dns because pods aren't ready",
    'Validators cannot discover P2P peers when running as `StatefulSet` in k8s.',
    'Could not auto-cluster with node. I am deploying the RabbitMQ cluster in OpenShift 3.9.',
    'Failed to use consul as autocluster provider in a k8s environment.',
    'unable to discover other nodes - caught exception while handling client on http traffic.',
    'Elasticsearch 2.4 elasticsearch-client never reaches minimum availability: master not discovered',
    'StatefulSet 部署的 etcd 启动后无法组成集群，三个成员互相找不到',
    'zookeeper 集群成员互相找不到，选主失败',
  ])('%s', (question) => {
    expect(statesMemberDiscoveryFailure(question)).toBe(true);
  });

  it.each([
    // A name that does not resolve, in nslookup's words.
    "nslookup kubernetes.default: ** server can't find kubernetes.default.svc.cluster.local: NXDOMAIN",
    "kubectl exec busybox -- nslookup nginx: can't find nginx.default.svc.cluster.local",
    // Calico's BGP peers, a node joining the Kubernetes cluster, pods on other nodes.
    "one of two calico nodes can't find peer. On 118 calicoctl node status shows the BGP session down.",
    'worker node can not join to cluster with `kubeadm join`; the kubelet-check timed out.',
    "I can ping the master from my node but I can't join it to the cluster with kubeadm.",
    'Pods on different nodes cannot communicate with each other (flannel vxlan).',
    'I cannot find the master node IP in my cluster to set the apiserver address.',
    '集群内 Pod 无法访问外网，节点可以',
    'kubeadm 初始化后 control plane 的 etcd 无法组成集群',
  ])('%s', (question) => {
    expect(statesMemberDiscoveryFailure(question)).toBe(false);
  });
});

describe('a member discovery report is a network one', () => {
  it('is neither another trade nor a failure never stated as a network one', () => {
    expect(outsideNetworking(FORM_CLUSTER)).toBe(false);
    expect(uncoveredUnstatedFailure(FORM_CLUSTER)).toBeNull();
  });

  it('leaves an application report stating no member failure to those readers', () => {
    const question =
      'Mothership chart fails on upgrade **Chart version:** 7.3.0 ... `image: docker.elastic.co/elasticsearch/elasticsearch-oss` `imageTag: 7.3.2` ... the pvc is never bound and the volume stays pending ...';
    expect(statesMemberDiscoveryFailure(question)).toBe(false);
    expect(outsideNetworking(question)).toBe(true);
  });
});
