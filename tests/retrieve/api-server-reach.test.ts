/**
 * A report whose failing destination is the API server reached from a pod (the `kubernetes` Service's address
 * dialled and failing, or the API server named as unreachable) cites the Service runbooks first, whichever client
 * logs it (src/retrieve/api-server-named.ts, src/retrieve/api-server-reach.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiServerUnreachable,
  dialsApiServiceAndFails,
  namesApiServerUnreachable,
} from '../../src/retrieve/api-server-named.js';
import { apiServerReachFactor, pointsAtNodeRules } from '../../src/retrieve/api-server-reach.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import { bundledSearchers } from './bundled-kb.js';

/** Both forms the searcher may read: the report as written and normalized. */
const forms = (text: string) => [text, normalizeText(text)];

describe('dialsApiServiceAndFails', () => {
  it.each([
    'calico-kube-controllers: Get https://10.233.0.1:443/apis/crd.projectcalico.org/v1/clusterinformations/default: dial tcp 10.233.0.1:443: connect: connection refused',
    "my pod can not telnet to it: `kubectl exec web-0 telnet 10.0.0.1 443` → telnet: can't connect to remote host (10.0.0.1): Connection refused",
    'curl https://10.233.0.1:443/api/v1/nodes -> curl: (7) Failed to connect to 10.233.0.1 port 443: Connection timed out',
    "on the master node curl https://10.96.0.1 gives curl: (7) Couldn't connect to server",
    'pod 内 curl -k https://10.233.0.1:443/healthz 没有返回，command terminated with exit code 137',
    'metrics-server 日志：dial tcp 10.43.0.1:443: i/o timeout',
  ])('%s', (text) => {
    for (const form of forms(text)) expect(dialsApiServiceAndFails(form)).toBe(true);
  });

  it.each([
    // The Service listed, or the address in a pod's environment: it exists, nothing fails on it.
    'kubectl get svc: kubernetes ClusterIP 10.96.0.1 443/TCP; nginx ClusterIP 10.104.60.66 80/TCP',
    'env: KUBERNETES_PORT=tcp://10.43.0.1:443, KUBERNETES_SERVICE_HOST=10.43.0.1',
    // The DNS Service's address failing is the DNS hop, not the API server.
    'coredns: read udp 10.244.1.5:39544->10.96.0.10:53: i/o timeout',
    'Pod 里 nc -zv 10.96.0.10 53 超时',
    // A request URL's own timeout parameter is not a failure.
    'kubedns: Using https://10.32.0.1:443/version?timeout=32s for kubernetes master',
    // Far from the address, the failure is another one's.
    `ipvsadm -ln: TCP 10.0.0.1:443 rr persistent 10800 -> 10.0.3.15:6443 Masq. ${'The cluster came up fine and every component is running on both nodes. '.repeat(3)}The NodePort times out from outside.`,
  ])('not: %s', (text) => {
    for (const form of forms(text)) expect(dialsApiServiceAndFails(form)).toBe(false);
  });
});

describe('namesApiServerUnreachable', () => {
  it.each([
    'Pod unable to reach kube API: i/o timeout',
    'Any pod on the worker node that attempts to communicate with the API server experiences a timeout',
    'operator pod cannot connect to the Kubernetes API server, the request times out',
    'pod 访问 apiserver 超时',
    '容器里连不上 kube-apiserver',
  ])('%s', (text) => {
    for (const form of forms(text)) expect(namesApiServerUnreachable(form)).toBe(true);
  });

  it.each([
    // kubectl on a workstation or a node: no in-cluster client.
    'kubectl get nodes: Unable to connect to the server: dial tcp 192.168.50.20:6443: no route to host; the api server is unreachable',
    // "the api" of an application outside the cluster is not the API server.
    'pods cannot connect to the api running outside the cluster',
    // The API server named, nothing failing to reach it.
    'the pod lists nodes through the kube API and prints them',
  ])('not: %s', (text) => {
    for (const form of forms(text)) expect(namesApiServerUnreachable(form)).toBe(false);
  });
});

describe('apiServerUnreachable', () => {
  it.each([
    'Unable to communicate, dial tcp 10.43.0.1:443: i/o timeout',
    'calico-node install-cni: Unable to create token for CNI kubeconfig error=Post "https://10.96.0.1:443/api/v1/namespaces/kube-system/serviceaccounts/calico-node/token": dial tcp 10.96.0.1:443: i/o timeout',
    'coredns 一直重启，日志里是 dial tcp 10.43.0.1:443: connect: connection refused',
  ])('%s', (text) => {
    for (const form of forms(text)) expect(apiServerUnreachable(form)).toBe(true);
  });

  it.each([
    // A TLS handshake that times out: the connection was made, a large packet is lost (MTU).
    'flannel: dial tcp 10.96.0.1:443: net/http: TLS handshake timeout after the node got MTU 1500',
    // A NetworkPolicy the reporter wrote is the other suspect.
    'egress rule to api server not working? The pod wants to reach it: dial tcp 172.31.0.1:443: i/o timeout. We use a default deny egress NetworkPolicy',
    // A name lookup fails: DNS is a failing hop of its own.
    'nslookup kubernetes.default fails: no servers could be reached; coredns: dial tcp 10.96.0.1:443: i/o timeout',
    // Pods cannot reach each other: the CNI's datapath fails too.
    'Pods cant reach eachother or the kubernetes service ip, calico operator install',
    'pods on different nodes cannot ping; flannel: Failed to list *v1.Node: dial tcp 10.96.0.1:443: connect: no route to host',
    'pod 之间不通，flannel 日志 dial tcp 10.96.0.1:443: i/o timeout',
  ])('not: %s', (text) => {
    for (const form of forms(text)) expect(apiServerUnreachable(form)).toBe(false);
  });
});

describe('pointsAtNodeRules', () => {
  it.each([
    'Pods on Worker Node Timeout When Communicating with API Server',
    'only one of the CoreDNS pods is in CrashLoopBackOff: dial tcp 172.19.0.1:443: i/o timeout',
    '部分节点上的 Pod 访问 10.96.0.1:443 超时',
    'kube-proxy runs in IPVS mode and pods time out on 10.233.0.1:443',
  ])('%s', (text) => {
    for (const form of forms(text)) expect(pointsAtNodeRules(form)).toBe(true);
  });

  it.each([
    'Unable to communicate, dial tcp 10.43.0.1:443: i/o timeout',
    'Pod 访问 apiserver 超时，集群只有一个节点',
  ])('not: %s', (text) => {
    for (const form of forms(text)) expect(pointsAtNodeRules(form)).toBe(false);
  });
});

describe('apiServerReachFactor', () => {
  const categoryOfDoc = (docPath: string) =>
    docPath.startsWith('service/') ? 'service_clusterip' : (docPath.split('/')[0] ?? null);
  const isGeneralRunbook = (docPath: string) => docPath === 'service/clusterip-troubleshooting.md';
  const factors = { lead: 1.7, other: 1.3 };
  const factorOf = (text: string, cniServesServices = false) =>
    apiServerReachFactor({ text, cniServesServices, categoryOfDoc, isGeneralRunbook, factors });

  it('leads with the general ClusterIP runbook, the rules one next; no other runbook moves', () => {
    const factor = factorOf('Unable to communicate, dial tcp 10.43.0.1:443: i/o timeout');
    expect(factor?.('service/clusterip-troubleshooting.md')).toBe(1.7);
    expect(factor?.('service/kube-proxy-iptables-ipvs.md')).toBe(1.3);
    expect(factor?.('calico/bgp-ipip.md')).toBe(1);
    expect(factor?.('dns/coredns.md')).toBe(1);
  });

  it('leads with the kube-proxy rules runbook when the failure is bound to some nodes', () => {
    const factor = factorOf('worker node 上的 Pod 访问 10.96.0.1:443 超时');
    expect(factor?.('service/kube-proxy-iptables-ipvs.md')).toBe(1.7);
    expect(factor?.('service/clusterip-troubleshooting.md')).toBe(1.3);
  });

  it('leaves a CNI that implements Services itself, another destination and a neutral factor alone', () => {
    expect(
      factorOf('cilium: pods are not able to reach the kubernetes API, 10.96.0.1:443 times out', true),
    ).toBeNull();
    expect(factorOf('coredns: read udp 10.244.1.5:39544->10.96.0.10:53: i/o timeout')).toBeNull();
    expect(
      apiServerReachFactor({
        text: 'dial tcp 10.43.0.1:443: i/o timeout',
        cniServesServices: false,
        categoryOfDoc,
        isGeneralRunbook,
        factors: { lead: 1, other: 1 },
      }),
    ).toBeNull();
  });
});

describe('reports of a pod that cannot reach the API server, over the bundled KB', () => {
  let searcher: KbSearcher;
  let neutral: KbSearcher;
  beforeAll(() => {
    ({ searcher, neutral } = bundledSearchers({ apiServerReach: { lead: 1, other: 1 } }));
  });

  it.each([
    // A CNI agent is only the client: its own runbook came first.
    'Calico pod on the new node cannot start. install-cni: Unable to create token for CNI kubeconfig error=Post "https://10.96.0.1:443/api/v1/namespaces/kube-system/serviceaccounts/calico-node/token": dial tcp 10.96.0.1:443: i/o timeout',
    // An MTU read off a pasted ifconfig came first.
    "my pod can not telnet to the kubernetes service: `kubectl exec web-0 telnet 10.0.0.1 443` → telnet: can't connect to remote host (10.0.0.1): Connection refused. ifconfig: docker0 mtu 1450 inet 10.1.4.1",
  ])('cites a Service runbook first, where it did not without the factor: %s', async (text) => {
    const before = await neutral.search(text);
    expect(before.hits[0]?.doc.category).not.toBe('service_clusterip');
    const { hits } = await searcher.search(text);
    expect(hits[0]?.doc.category).toBe('service_clusterip');
  });

  it('cites the ClusterIP runbook first for a bare timeout on the API Service', async () => {
    const { hits } = await searcher.search('Unable to communicate, dial tcp 10.43.0.1:443: i/o timeout');
    expect(hits[0]?.doc.path).toBe('service/clusterip-troubleshooting.md');
  });

  it('cites the ClusterIP runbook first when a pod names the API server unreachable (Chinese)', async () => {
    const { hits } = await searcher.search(
      'Pod 访问 apiserver 一直超时，日志 dial tcp 10.96.0.1:443: i/o timeout',
    );
    expect(hits[0]?.doc.category).toBe('service_clusterip');
  });

  it('keeps CoreDNS first when the failing address is the DNS Service', async () => {
    const { hits } = await searcher.search(
      'Pods cannot resolve names: nslookup kubernetes.default times out; dial udp 10.96.0.10:53: i/o timeout',
    );
    expect(hits[0]?.doc.path).toBe('dns/coredns.md');
  });

  it('keeps the named CNI first when its pods cannot reach each other', async () => {
    const { hits } = await searcher.search(
      'Pods on different nodes cannot ping each other with flannel vxlan; kube-flannel log: Failed to list *v1.Node: dial tcp 10.96.0.1:443: connect: no route to host',
    );
    expect(hits[0]?.doc.path).toBe('flannel/vxlan-host-gw.md');
  });

  it('keeps a CNI that implements Services itself first', async () => {
    const { hits } = await searcher.search(
      'Cilium kube-proxy replacement: pods are not able to reach the kubernetes API, curl https://10.96.0.1:443 times out from pods but works from the node',
    );
    expect(hits[0]?.doc.path).toBe('cilium/ebpf-datapath.md');
  });
});
