import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { namedIn } from '../../src/answer/clarify.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { coveredSubjects, uncoveredSubject } from '../../src/answer/uncovered-subject.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

// A KB like kb/: runbooks on Services, NetworkPolicy and hostNetwork, naming ingress-nginx once in passing and
// "ingress" as a policy direction, Antrea only in a command.
const runbooks = [
  'NodePort / LoadBalancer 外部访问排查：LoadBalancer 在 NodePort 之上再分配一个外部 IP，由云厂商控制器或 MetalLB 实现。',
  '典型 hostNetwork 工作负载：CNI agent（calico-node、kube-ovn-cni、cilium）、kube-proxy、ingress-nginx（hostNetwork 部署）、node-exporter。',
  '连接要同时满足源 Pod 的 Egress 和目标 Pod 的 Ingress；回包由 conntrack 自动放行。\n```bash\nkubectl get pods -n kube-system -o wide | grep -E "calico|antrea"\n```',
];
const covers = coveredSubjects(() => runbooks);
const knownPlugin = namedIn(() => ['Calico', 'Flannel', 'Kube-OVN'].map((name) => `${name} 跨节点`));
const subject = (question: string, triggered = false) =>
  uncoveredSubject(question, triggered, covers, knownPlugin);

// Real nginx/kubernetes-ingress#598.
const ingress404 =
  'Default installation returns 404. I followed the manifest installation guide step by step, running on EKS with the stock ELB configuration (annotations aws-load-balancer-ssl-cert, backend-protocol http, proxy-protocol *). Then I created my service my-service (port 80, targetPort 8000) and an ingress my-app-ingress with kubernetes.io/ingress.class nginx and path / to my-service:80. curling the ELB external address I get a 404, even though my app should have served a default page.';
// Real jishuzhan.net report of an ingress controller that does not load a new Ingress.
const ingressZh =
  '在 Kubernetes 集群中新增 Ingress（host: tool.xxx.com，service: tools:80）后，访问域名始终返回 404 Not Found nginx。Pod 内 curl 127.0.0.1 正常，Service / Endpoint 正常，Ingress 对象存在且 Scheduled for sync，但在 ingress controller pod 内 nginx -T | grep tool.lishicloud.com 无任何结果，新增 Ingress 不生效。Ingress Controller 为 nginx-ingress-controller:v1.3.1，前面是华为云 SLB（L4）。';
// Real zq2599/blog_demos#108.
const webhookZh =
  'Internal error occurred: failed calling webhook "webhook.cert-manager.io": Post https://cert-manager-webhook.cert-manager.svc:443/validate?timeout=10s: context deadline exceeded。参考您的文章，在make deploy步骤出现如下错误，请问各位大神有碰到过吗：mutatingwebhookconfiguration tomcatweb-mutating-webhook-configuration created，validatingwebhookconfiguration created，Error from server (InternalError): error when creating "STDIN": failed calling webhook "webhook.cert-manager.io" ... context deadline exceeded。';
// Real antrea-io/antrea#3386.
const antreaKind =
  'kind cluster unable to connect after restart using Antrea v1.2.3. Control plane: root@kind-control-plane:/var/log/antrea/openvswitch# cat ovs-vswitchd.log: 2022-03-02T22:59:47.821Z|00001|vlog|INFO|opened log file /var/log/openvswitch/ovs-vswitchd.log; 2022-03-02T22:59:47.828Z|00007|bridge|INFO|ovs-vswitchd (Open vSwitch) 2.15.1.';
// Real cloudnativelabs/kube-router#238.
const kubeRouter =
  "Nodes are missing some peer route entries (kube-router). I1207 16:22:50.894764 1 network_routes_controller.go:336] Processing bgp route advertisement from peer; I1207 16:22:50.897139 1 network_routes_controller.go:365] Advertising route: '172.18.5.0/24 via 10.128.8.50' to peers; custom routing table kube-router-dsr required for Direct Server Return is setup as expected.";

describe('uncoveredSubject: a component the KB has no runbook for', () => {
  it.each([
    [ingress404, 'Ingress controllers'],
    [ingressZh, 'Ingress controllers'],
    [webhookZh, 'admission webhooks'],
    // Real istio/istio#29118.
    [
      'Istio sidecar giving 503 error. The istio sidecar gives a 503 error to the external service requests; the istio-proxy container logs show it is sending out 503 for all requests.',
      'service meshes (Istio, Linkerd, Envoy)',
    ],
    // Constructed, Chinese: a Gateway API route the KB has nothing on.
    [
      'HTTPRoute 绑定到 Gateway 后一直是 Accepted=False，httproute 的 parentRefs 写的是 eg 网关。',
      'Gateway API',
    ],
  ])('%s → %s', (question, name) => {
    expect(subject(question)).toBe(name);
  });

  it('reads a widely used plugin the headline names, and names twice, as the subject', () => {
    expect(subject(antreaKind)).toBe('antrea');
    expect(subject(kubeRouter)).toBe('kube-router');
  });

  it('leaves a report a runbook trigger matched to that runbook', () => {
    // Real kubernetes/ingress-nginx#2062: the hostNetwork trigger matches.
    const hostNetwork =
      'nginx-ingress-controller pod in CrashLoopBackOff state when externalIPs and hostNetwork=true are set. I see the nginx-ingress-controller pod in CrashLoopBackOff due to the error Port 80 is already in use.';
    expect(subject(hostNetwork)).toBe('Ingress controllers');
    expect(subject(hostNetwork, true)).toBeNull();
    expect(subject(ingressZh, true)).toBeNull();
    expect(subject(kubeRouter, true)).toBeNull();
  });

  it.each([
    // Real kubernetes/ingress-nginx#5585: the controller cannot reach the pod behind the Service.
    'upstream timed out and return 504 when I use ingress. When I access the application through clusterip, it is correct: curl 10.10.203.109:8080 gives HOSTNAME:myip-75c9c47c7f-k72gz. But upstream timed out and return 504 when I use ingress: kubectl describe ingress: myip.qql.com / myip:8080; kubectl logs -f ingress-nginx-controller-758f8cbd4d-5cwvq -n ingress-nginx: upstream timed out (110: Operation timed out) while connecting to upstream.',
    // Real k3s-io/k3s#1958: a webhook's Service is the ClusterIP that cannot be reached.
    "Can't access pods by service cluster ip except you access from the node where pod in. k3s v1.17.5: cert-manager-webhook ClusterIP 10.43.247.15:443 in namespace cert-manager; curl -k https://10.43.247.15:443 from the master bowser1704 hangs.",
    // Real knative/serving#7440: a refused connection through an Istio gateway.
    'curl: (7) Failed to connect to helloworld-go.default.mydomain.com port 80: Connection refused. kubectl describe pods istio-security-post-install-1.5.1-gldz9: Namespace: istio-system, Controlled By: Job/istio-security-post-install-1.5.1.',
    // Constructed, Chinese: the ingress controller cannot reach its backend.
    'Ingress 访问一直 502，ingress-nginx 日志显示 connect() failed (113: No route to host) while connecting to upstream，后端 Pod 跨节点不通。',
  ])('answers a failing connection behind a component from the path runbooks: %s', (question) => {
    expect(subject(question)).toBeNull();
  });

  it.each([
    // NetworkPolicy directions and datapath hooks are not the Ingress object (real reports, shortened).
    'k8s default deny ingress policy does not deny any traffic. I applied default-deny-ingress with policyTypes: Ingress and podSelector {}.',
    'Network policies: deny All Ingress and Egress on the namespace, then allow ingress from the frontend pods only; still all open.',
    'tc filter show dev eth0 ingress 没有 cil_from_netdev，ingress 方向的 BPF 程序没挂上。',
    // Named once, in passing, by a Service report (real kubernetes/ingress-nginx#4283 shortened).
    'External access svc nodeport mode TCP status is SYN_RECV. The ingress controller pod runs on i1, NodePort 32757.',
  ])('does not read an ingress direction or a passing mention as the subject: %s', (question) => {
    expect(subject(question)).toBeNull();
  });

  it('reads a 404 the component answered as its configuration, not a failing path', () => {
    // Real kubernetes/ingress-nginx#934: "failed to access" with the controller's own 404.
    expect(
      subject(
        'nginx proxy failed with "404 Not Found" version 0.9.0 beta08. Failed to access page by ingress nginx with 404 Not Found error. My ingress.yaml: kind: Ingress, rules host kubenode1.inspur, path /nginx backend serviceName nginx servicePort 80. Pod logs: "GET /nginx HTTP/1.1" 404 208 [default-nginx-80] 172.1.5.2:80.',
      ),
    ).toBe('Ingress controllers');
    // Constructed: a port or address with 404 in it is not a reply.
    expect(
      subject('ingress-nginx 访问 10.0.4.40:30404 超时，ingress controller 日志 upstream timed out。'),
    ).toBeNull();
  });

  it('names the subject the headline names before one the body names', () => {
    // Real linkerd/linkerd2#4870: about the mesh, with the ingress named in passing.
    expect(
      subject(
        'Intermittent 502 Bad Gateway issue when service is meshed. Without linkerd proxy, there are no trace of 502 bad gateway at the ingress level nor the app level. With linkerd proxy enabled on nginx ingress and or app, intermittent 502 Bad Gateway appears.',
      ),
    ).toBe('service meshes (Istio, Linkerd, Envoy)');
  });

  it('reads a Chinese title up to its colon, and Traefik as an ingress controller', () => {
    // Real report (fills4): the title is about SNAT; Traefik is a component the cluster disabled.
    expect(
      subject(
        'Kube-Router中Pod出口流量SNAT问题：使用k3s部署的集群，禁用了内置的Traefik、local-storage，双栈网络，配置了BGP路由通告。Pod与集群外部通信时，出站流量会被自动进行SNAT转换，源IP被替换为节点IP。',
      ),
    ).toBeNull();
    // Constructed: a Traefik IngressRoute that answers 404.
    expect(
      subject('Traefik IngressRoute 返回 404：whoami 的 ingressroute 已创建，traefik 日志没有报错。'),
    ).toBe('Ingress controllers');
  });

  it('does not read a plugin the headline does not name, or names once, as the subject', () => {
    // Constructed: a kind cluster's report lists its kindnet pods; the headline is about a Service.
    expect(
      subject(
        'ClusterIP service fails from pods on kind. kube-system kindnet-4xk2p 1/1 Running; kube-system kindnet-9wq7z 1/1 Running',
      ),
    ).toBeNull();
    // Constructed: the cluster once ran Weave.
    expect(
      subject('We moved from weave to calico; calico-node is not ready: BGP not established'),
    ).toBeNull();
  });

  it('answers again once a runbook covers the subject', () => {
    const withIngress = coveredSubjects(() => [
      ...runbooks,
      '# Ingress controller 排查\n\ningress-nginx 返回 404 时，先看 ingress controller 是否加载了该 Ingress：`nginx -T`。',
    ]);
    expect(uncoveredSubject(ingressZh, false, withIngress, knownPlugin)).toBeNull();
    expect(uncoveredSubject(ingress404, false, withIngress, knownPlugin)).toBeNull();
    const withAntrea = namedIn(() => ['Antrea：antrea-agent 与 OVS bridge br-int']);
    expect(uncoveredSubject(antreaKind, false, covers, withAntrea)).toBeNull();
  });
});

describe('coveredSubjects: what the KB prose covers', () => {
  it('counts names in prose named at least twice, not once in passing or in a command', () => {
    expect(covers(['ingress-nginx'])).toBe(false);
    expect(covers(['metallb'])).toBe(false);
    const twice = coveredSubjects(() => [
      'MetalLB speaker 宣告地址；MetalLB 的 L2 模式只有一个节点应答 ARP。',
    ]);
    expect(twice(['metallb'])).toBe(true);
    const inCommands = coveredSubjects(() => [
      'Which proxy?\n```bash\nkubectl -n istio-system get pods\nistioctl proxy-status\n```\nSee `istio` docs.',
    ]);
    expect(inCommands(['istio'])).toBe(false);
  });
});

describe('declining an uncovered subject end to end', () => {
  let fixture: FixtureIndex;
  beforeAll(async () => {
    fixture = await buildFixtureIndex();
  });
  afterAll(async () => {
    await fixture.cleanup();
  });
  const ask = (message: string) =>
    answerChat({ searcher: fixture.searcher, conversations: new ConversationStore() }, { message });

  it('says the KB does not cover an ingress controller, with the nearest runbooks and nothing to add', async () => {
    const { body } = await ask(ingressZh);
    expect(body.structured.kind).toBe('abstain');
    expect(body.commands).toEqual([]);
    expect(body.structured.title).toContain('Ingress controllers');
    expect(body.structured.asks).toEqual([]);
    const english = await ask(ingress404);
    expect(english.body.structured.title).toBe(
      'The knowledge base has no runbook about Ingress controllers: this question is not covered.',
    );
  });

  it('does not say so of a Service path a report reaches through an ingress controller', async () => {
    const { body } = await ask(
      'upstream timed out and return 504 when I use ingress. When I access the application through clusterip, it is correct: curl 10.10.203.109:8080 gives HOSTNAME:myip-75c9c47c7f-k72gz. But upstream timed out and return 504 when I use ingress: kubectl logs -f ingress-nginx-controller-758f8cbd4d-5cwvq -n ingress-nginx: upstream timed out (110: Operation timed out) while connecting to upstream.',
    );
    expect(body.structured.title).not.toContain('Ingress controllers');
  });
});
