import { describe, expect, it } from 'vitest';
import { uncoveredFeatureRequest } from '../../src/answer/feature-request.js';

describe('uncoveredFeatureRequest: a request for a change that names nothing a runbook explains', () => {
  it.each([
    // Real kubeovn/kube-ovn#5999.
    '[Feature Request] acl created by kube-ovn should add vendor like lsp. as title',
    // Real rancher/rancher#27679 (shortened).
    'Will the kube-ovn network be supported in the future？ What kind of request is this (question/bug/enhancement/feature request)',
    // Real neuvector/neuvector#307 (shortened): the request is the template's own question.
    'Whether to support network Kube-OVN？ Is your feature request related to a problem? Please describe.',
    // Real coredns/coredns#5594 (shortened): a title prefix.
    'Enhancement:expose TLS server name to plugins via Request type. As a plugin author, I want to use request.tlsname.',
    // Real (facts7.yaml, shortened).
    'plugin/cache: [feature request] Can we renew the cache automatically? CoreDNS 1.3.1, Corefile: proxy . 8.8.8.8:53, cache { success 2048 1200; denial 1024 600 }.',
    // Real (reports22.yaml).
    'ability to enable cni portmap plugin. Hi, Can you add the possibility of enable portmap plugin on all host on kubernetes. This will solve the hostport problems.',
    // Real (scope4.yaml, shortened): whether a feature exists.
    '请问kube-ovn是否支持namespace层级的流量限制？比如，指定命名空间下的所有pod的流入流出流量的限速呢？',
    // Constructed: Chinese, a suggestion.
    '建议支持 kube-ovn 的 subnet 配置 dhcp 选项。目前只能用静态分配。',
    // Constructed: Chinese, a request.
    '需求：希望 kube-ovn 支持 IPv6 的 vpc nat gateway。',
    // Real (reports30.yaml): a hope that the project supports something, the body saying why.
    'Hope to support external client of K8S cluster access. 有时候客户端并不是使用K8S进行部署，或者客户端和RocketMQ部署在不同的K8S集群。目前RocketMQ往NameServer注册的地址是PodIP导致集群外无法访问到，希望能得到支持',
    // Constructed: a request to add an option, in the body.
    'Broker address for clients outside the cluster. Could you add an option in the chart for the address the broker hands out?',
    // Constructed: Chinese, the body wishes for support.
    '外部客户端访问不了 broker。broker 在 k8s 里跑着，希望能得到支持。',
  ])('%s → declined', (question) => {
    expect(uncoveredFeatureRequest(question)).toContain('feature');
  });
  it.each([
    // Real (reports.yaml, shortened): the request names VXLAN, a mode the runbooks explain.
    'Feature request: Only allow vxlan traffic over a specific interface. is there a way to open port 8472 only on the private interface?',
    // Real (reports9.yaml, shortened): a setting, named as a field.
    '[feature] add publishNotReadyAddresses param in headless service. We use publishNotReadyAddresses so that peers find each other before they are ready.',
    // Real (reports3.yaml, shortened): a setting, named as a flag.
    'Add support for --iface to be specified for flannel. By default flannel uses the default gateway interface.',
    // Real (reports23.yaml, shortened): a setting and the node file it lives in.
    'Ability to set ndots in /etc/resolv.conf. The ability to set ndots in /etc/resolv.conf, since ndots:5 slows down external lookups.',
    // Real (facts2.yaml): a NodePort setting, and a value asked.
    '希望新增NodePort Range 配置。NodePort 的端口范围默认是多少，用哪个参数配置？',
    // Real (reports15.yaml, shortened): IPVS, a proxy mode a runbook explains.
    '何时能支持Cilium而不用ipvs。我这边测试一下，nodeport没有问题，但是 svc ip / pod ip访问不通。',
    // Constructed: a request about an underlay, which a runbook explains.
    '[Feature] kube-ovn: support dual stack for underlay subnets. Is your feature request related to a problem?',
    // Constructed: Chinese, a request about egress.
    '建议支持按命名空间配置 egress 出口地址。',
    // Constructed: a failure report whose body wishes for a fix, its headline a broken path.
    'Pods on node-2 cannot reach the ClusterIP 10.96.0.10. It would be nice if the docs said which port to open.',
    // Constructed: no request at all.
    'calico-node is not ready: BIRD is not ready: BGP not established with 10.0.0.12.',
    // Real (reports5.yaml, shortened): asking the maintainers to provide something is no request for a change.
    'AWS Jumbo MTU size disagrees with Calico docs. Could you provide the MTU the docs expect for IP-in-IP on a 9001 network?',
    // Constructed: a request to the maintainers, but the headline is a broken path a runbook follows.
    'Pods on different nodes cannot ping each other over vxlan. Could you add a check for this to the docs?',
    // Constructed: Chinese, the body wishes for help (not support), the headline a broken path.
    '跨节点 pod 不通，希望大家帮忙看看。',
  ])('%s → not declined', (question) => {
    expect(uncoveredFeatureRequest(question)).toBeNull();
  });
});
