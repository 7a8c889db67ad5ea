import { describe, expect, it } from 'vitest';
import { handedAddressExplainedBy, uncoveredHandedAddress } from '../../src/answer/handed-address.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe('uncoveredHandedAddress: the address an application hands to others', () => {
  it.each([
    // Real (reports33.yaml): an application registers its container IP in Eureka.
    'Kubernetes communicate with an app using service Nodeport and not Container IP. I have an Spring discover (Eureka) in a Server X. At the moment that I create the POD. My APP create the registration with my discover server using the container IP.',
    // Real (reports30.yaml): Apollo's home page URL is the pod's intranet address.
    'apollo部署在k8s时，homepageUrl地址错误。apollo部署在k8s时，homepageUrl地址是k8s pod内网地址，而客户端直接用这个地址不合适。',
    // Constructed: a worker registers the Docker bridge network's address.
    'The worker registered to the cluster with the IP address of the docker bridge network, so other machines cannot reach it. Expected: the host machine IP.',
    // Constructed (Chinese): a provider registers its container IP instead of the host's.
    '服务部署到 k8s 后注册到注册中心的是容器IP，而不是宿主机IP，集群外的消费者调用失败。',
  ])('%s → declined', (question) => {
    expect(uncoveredHandedAddress(question, false)).toContain('registers');
    expect(uncoveredHandedAddress(question, true)).toBeNull();
  });
  it.each([
    // Real (reports5.yaml): a headless Service publishing not-ready pods is a DNS question.
    "PODs are not visible with DNS name to other POD when they are in NotReady State. When I run nslookup with their DNS names before they are ready I get nslookup: can't resolve 'xxxxx-server-1.xxxx-ms'. Expected: PODs should be visible with DNS name before they become Ready, as statefulsets can not depend on POD IPs.",
    // Constructed: the API server's advertise address is the cluster's own.
    'kube-apiserver 的 --advertise-address 注册成了内网 IP，而不是公网 IP，节点上 curl 10.96.0.1:443 超时。',
    // Constructed: a CNI's BGP speaker advertising pod routes.
    'Calico advertises the pod IP ranges to the ToR instead of the service CIDR; external hosts cannot reach the ClusterIP.',
    // Constructed: pods get the Docker bridge's address (the CNI is misconfigured), nothing is registered.
    'Pods get a 172.17.x.x docker IP instead of an address from the pod CIDR 10.244.0.0/16, and pods on other nodes cannot reach them.',
    // Constructed (Chinese): a registry whose members time out on their ports, no address handed out.
    'nacos 集群三个节点之间 9849 端口连接超时，pod 之间 ping 得通。',
  ])('%s → not declined', (question) => {
    expect(uncoveredHandedAddress(question, false)).toBeNull();
  });
  it('is explained by a runbook stating such an address', () => {
    expect(handedAddressExplainedBy([doc('Headless Service', ['StatefulSet 域名 NXDOMAIN'])])).toBe(false);
    expect(handedAddressExplainedBy([doc('Apps that register their container IP in a registry')])).toBe(true);
  });
});
