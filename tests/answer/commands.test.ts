import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clueChecks,
  explainedShare,
  pickCommands,
  routingInDoubt,
  topRunbookCheck,
  variantKey,
} from '../../src/answer/commands.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import {
  checkTerms,
  clueTerms,
  joinedParts,
  likelyCauses,
  termsWithConcepts,
  wholeTermsWithConcepts,
} from '../../src/answer/rank-rows.js';
import type { DocRecord } from '../../src/core/types.js';
import { parseDocument } from '../../src/ingest/document.js';
import type { FusedHit } from '../../src/retrieve/types.js';

// Real runbooks of the bundled KB, parsed as ingest parses them.
const KB = path.resolve(import.meta.dirname, '../../kb');
const runbook = (relative: string): DocRecord =>
  parseDocument(relative, readFileSync(path.join(KB, relative), 'utf8'));

function hitOn(doc: DocRecord, heading: string, score = 1): FusedHit {
  const chunk = doc.chunks.find((c) => c.headingPath.at(-1) === heading);
  if (!chunk) throw new Error(`${doc.path} has no section '${heading}'`);
  return { chunk, doc, score, via: ['lexical'], matchedTriggers: [] };
}

/** Every command picked (checks and fixes), as `path: command`. */
function picked(question: string, hits: FusedHit[]): string[] {
  const rows = likelyCauses(question, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses);
  return pickCommands(question, hits, rows, DEFAULT_COMPOSE_OPTIONS).map(
    (c) => `${c.source.path}: ${c.command}`,
  );
}

function diagnostics(question: string, hit: FusedHit): string[] {
  const hits = [hit];
  const rows = likelyCauses(question, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses);
  return pickCommands(question, hits, rows, DEFAULT_COMPOSE_OPTIONS)
    .filter((c) => c.safety === 'read-only')
    .map((c) => c.command);
}

describe('variantKey', () => {
  it('names the same check on another target alike', () => {
    const tcp = variantKey('kubectl ko trace <namespace>/<pod> <target-ip> tcp <port>');
    expect(tcp).toBe('kubectl ko trace tcp');
    expect(variantKey('kubectl ko trace <namespace>/<pod> <cluster-ip> tcp <port>')).toBe(tcp);
    expect(variantKey('kubectl ko trace node//<node-name> <pod-ip> tcp <port>')).toBe(tcp);
    expect(variantKey('ip route get <pod-ip>')).toBe(variantKey('ip route get <target-ip>'));
    // The wrapped command of `kubectl exec … --` is what runs.
    expect(variantKey('kubectl exec -n <namespace> <pod> -- ip route get <target-ip>')).toBe('ip route get');
  });

  it('names every lookup of a name alike, whatever name it looks up or server it asks', () => {
    const lookup = variantKey(
      'kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default.svc.cluster.local',
    );
    expect(lookup).toBe('nslookup');
    expect(variantKey('kubectl exec -n <namespace> <pod> -- nslookup www.example.com.')).toBe(lookup);
    expect(
      variantKey(
        'kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default.svc.cluster.local <pod-ip>',
      ),
    ).toBe(lookup);
    expect(variantKey('dig +short @10.96.0.10 kubernetes.default.svc.cluster.local')).toBe('dig');
    expect(variantKey('kubectl exec -n <namespace> <pod> -- dig SRV _http._tcp.<service-name>')).toBe('dig');
  });

  it('tells different checks apart', () => {
    expect(variantKey('kubectl ko trace <namespace>/<pod> <target-ip> icmp')).not.toBe(
      variantKey('kubectl ko trace <namespace>/<pod> <target-ip> tcp <port>'),
    );
    expect(variantKey('kubectl ko nbctl lr-policy-list ovn-cluster')).not.toBe(
      variantKey('kubectl ko nbctl lr-route-list ovn-cluster'),
    );
    expect(variantKey('ip route get <target-ip> from <pod-ip> iif ovn0')).not.toBe(
      variantKey('ip route get <target-ip>'),
    );
    expect(variantKey('iptables -S FORWARD')).not.toBe(variantKey('iptables -S OUTPUT'));
    // A lookup is not a check of another program that takes a name.
    expect(variantKey('kubectl exec -n <namespace> <pod> -- nslookup www.example.com.')).not.toBe(
      variantKey('kubectl exec -n <namespace> <pod> -- ping -c 3 www.example.com'),
    );
    expect(variantKey('tcpdump -i any -nn host <pod-ip> and port 53')).not.toBe('host');
  });

  it('gives no key when too little is left to call two commands one check', () => {
    expect(
      variantKey('kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<pod-ip>:<port>/'),
    ).toBeUndefined();
    expect(variantKey('conntrack -L -d <target-ip>')).toBeUndefined();
  });
});

describe('pickCommands', () => {
  it('ranks a variant of a check already chosen after checks of other kinds', () => {
    const trace = runbook('diagnostics/kubectl-ko-trace.md');
    const picked = diagnostics(
      'kube-ovn 的 pod 访问另一个 pod 的 tcp 端口超时，用 kubectl ko trace 模拟',
      hitOn(trace, '1. Kube-OVN：kubectl ko trace'),
    );
    expect(picked[0]).toBe('kubectl ko trace <namespace>/<pod> <target-ip> tcp <port>');
    // Not three TCP traces to three targets first: the ICMP and ARP traces test other things.
    const firstThree = picked.slice(0, 3).map((command) => variantKey(command));
    expect(firstThree.filter((key) => key === 'kubectl ko trace tcp')).toHaveLength(1);
    expect(picked).toContain('kubectl ko trace <namespace>/<pod> <target-ip> icmp');
  });

  it("keeps the runbook's other checks of a stated cause when the one its row names scores far above them", () => {
    const vpc = runbook('kube-ovn/default-vpc-path.md');
    const question = 'kube-ovn 集群里 pod 出不了外网，节点本身能上网，出口网卡上抓包看到源地址是 pod ip';
    const picked = diagnostics(
      question,
      hitOn(vpc, '3. 检查出口节点内核（分布式为 Pod 所在节点，集中式为网关节点）'),
    );
    // The row "节点能上网，Pod 不能；出口网卡抓到源地址是 Pod IP" names the SNAT check: it comes first.
    expect(picked[0]).toBe('iptables -t nat -L OVN-POSTROUTING -nv');
    // Far under it, but not under the runner-up: the subnets' NAT column, the `natOutgoing` the row's fix turns on
    // (it took the place of the policy route a node's pods leave by, 29000, once checks reading what a stated
    // cause's fix changes scored more).
    expect(picked).toContain(
      'kubectl get subnet -o custom-columns=NAME:.metadata.name,CIDR:.spec.cidrBlock,TYPE:.spec.gatewayType,GWNODE:.spec.gatewayNode,NAT:.spec.natOutgoing,ACTIVE:.status.activateGateway',
    );
    expect(picked).toHaveLength(DEFAULT_COMPOSE_OPTIONS.maxDiagnose);
  });

  it("leaves out another runbook's check that scores far under the best one, and keeps one that comes close", () => {
    const probe = runbook('node-to-pod/host-to-pod-generic.md');
    const service = runbook('service/clusterip-troubleshooting.md');
    // A probe refused by the pod itself: the Service runbook's row "访问 ClusterIP 立即 connection refused" shares
    // words with it, but its check (the Service's endpoints) is not about a probe, which goes to the pod directly.
    const refused = picked(
      'kubelet 的存活探针一直报 connect: connection refused，pod 里的进程明明在跑，是网络的问题吗',
      [hitOn(probe, '1. 读懂探针报错与 Pod 状态'), hitOn(service, '常见问题', 0.85)],
    );
    expect(refused.length).toBeGreaterThanOrEqual(DEFAULT_COMPOSE_OPTIONS.minCommands);
    expect(refused.every((line) => line.startsWith(`${probe.path}: `))).toBe(true);
    expect(refused).toContain(`${probe.path}: kubectl exec -n <namespace> <pod> -- ss -lntp`);

    // A pod calling its own Service: the same-node runbook's hairpin check is as much to the point as the top one's.
    const sameNode = runbook('pod-to-pod/same-node.md');
    const hairpin = picked(
      'A pod times out when it calls its own Service; other pods reach the Service fine. Is hairpin mode off on the bridge?',
      [hitOn(service, '5. Hairpin 与 Service CIDR'), hitOn(sameNode, '常见问题', 0.85)],
    );
    expect(hairpin[0]).toBe(`${service.path}: grep -H . /sys/class/net/cni0/brif/*/hairpin_mode`);
    expect(hairpin).toContain(`${sameNode.path}: bridge -d link show`);
  });

  it('offers a fix only for a cause the runbook states, not for a row that shares a word or two', () => {
    const flannel = runbook('flannel/vxlan-host-gw.md');
    const table = hitOn(flannel, '常见问题');
    const fixes = (question: string) => {
      const rows = likelyCauses(question, [table], DEFAULT_COMPOSE_OPTIONS.maxCauses);
      return pickCommands(question, [table], rows, DEFAULT_COMPOSE_OPTIONS)
        .filter((c) => c.safety !== 'read-only')
        .map((c) => `${c.source.path}: ${c.command}`);
    };
    // The row "Pod 创建失败 cni0 already has an IP address different from" is what the report says: its fix applies.
    expect(
      fixes(
        '新建的 pod 一直 ContainerCreating，事件里报 failed to set bridge addr: "cni0" already has an IP address different from 10.244.2.1/24',
      ),
    ).toEqual([`${flannel.path}: ip link delete cni0`]);
    expect(
      fixes(
        'Pods stuck in ContainerCreating: failed to set bridge addr: "cni0" already has an IP address different from 10.244.2.1/24',
      ),
    ).toEqual([`${flannel.path}: ip link delete cni0`]);
    // Cross-node pings failing with nothing seen on cni0 share "cni0" (and little else) with that row: deleting the
    // bridge is no fix for them.
    expect(fixes('flannel 跨节点的 pod 互相 ping 不通，在 cni0 上抓不到对端的包')).toEqual([]);
    expect(fixes("flannel: pods on two nodes can't ping each other, tcpdump on cni0 shows nothing")).toEqual(
      [],
    );
  });
});

describe('routing in doubt', () => {
  const flannel = runbook('flannel/vxlan-host-gw.md');
  const sameNode = runbook('pod-to-pod/same-node.md');
  const flannelTerms = new Set(
    flannel.chunks.flatMap((c) => [
      ...termsWithConcepts(`${c.headingPath.join(' ')} ${c.text}`, undefined).keys(),
    ]),
  );
  const short =
    'Pods stuck in ContainerCreating: failed to set bridge addr: "cni0" already has an IP address different from 10.244.2.1/24';
  // The same failure in a longer report: most of its words (the reset, the versions) are in no runbook.
  const long =
    'Pods stuck in ContainerCreating after I reset the worker with kubeadm reset and joined it again to the cluster (Ubuntu 20.04, Kubernetes 1.18.6, docker 19.03): failed to set bridge addr: "cni0" already has an IP address different from 10.244.2.1/24';

  it("measures the share of the question's weighted terms a runbook's text holds", () => {
    expect(explainedShare(checkTerms(short), flannelTerms)).toBeGreaterThanOrEqual(0.55);
    expect(explainedShare(checkTerms(long), flannelTerms)).toBeLessThan(0.55);
    expect(explainedShare([], flannelTerms)).toBe(1);
    expect(
      explainedShare(
        [
          ['cni0', 2],
          ['kubeadm', 3],
        ],
        new Set(['cni0']),
      ),
    ).toBeCloseTo(0.4);
  });

  it('is in doubt only with a close runner-up and a top runbook explaining little of the question', () => {
    expect(routingInDoubt(0.65, 0.4)).toBe(true);
    expect(routingInDoubt(0.6, 0.54)).toBe(true);
    expect(routingInDoubt(0.5, 0.4)).toBe(false);
    expect(routingInDoubt(0.95, 0.55)).toBe(false);
  });

  it('leaves out the fix of a runbook that may be the wrong one', () => {
    const table = hitOn(flannel, '常见问题');
    const fixes = (question: string, runnerUpScore: number) =>
      picked(question, [
        table,
        hitOn(sameNode, '1. 确认两个 Pod 在同一节点并看清地址', runnerUpScore),
      ]).filter((c) => c.endsWith('ip link delete cni0'));
    // A runner-up at 0.65 of the top hit, under 0.9: not contested, so the short report keeps the row's fix.
    expect(fixes(short, 0.65)).toEqual([`${flannel.path}: ip link delete cni0`]);
    // The long report with no close runner-up keeps it too.
    expect(fixes(long, 0.5)).toEqual([`${flannel.path}: ip link delete cni0`]);
    // Both: which runbook fits is in doubt, and deleting the bridge is left out.
    expect(fixes(long, 0.65)).toEqual([]);
  });
});

/** The firewall words of the glossary in both languages, as one concept. */
const firewall = (text: string) => (/firewalld|firewall|防火墙/i.test(text) ? ['g-firewall'] : []);

describe('distinctive clues', () => {
  it('are the naming words and concepts of what fails, not of pasted output or of compound words', () => {
    const clues = clueTerms(
      'Pods on two nodes cannot talk once firewalld is enabled. kubectl exec into the cilium_host pod works, ' +
        'the flannel logs show nothing and curl to the service on port 8080 times out from every pod.',
      firewall,
    );
    expect(clues.has('firewalld')).toBe(true);
    expect(clues.has('g-firewall'.replace(/^/, '\u0001'))).toBe(true);
    // The body (logs, tools already run) is no clue; nor are short particles.
    expect(clues.has('cilium_host')).toBe(false);
    expect(clues.has('8080')).toBe(false);
    expect(clues.has('on')).toBe(false);
    // A compound word is one word: `cilium_host` says nothing about a host.
    expect(wholeTermsWithConcepts('查看 cilium_host 的地址', undefined).has('host')).toBe(false);
    expect(wholeTermsWithConcepts('查看 cilium_host 的地址', undefined).has('cilium_host')).toBe(true);
  });

  it('find the check the runbook says tests the clue, and a tool the question names', () => {
    const generic = runbook('node-to-pod/host-to-pod-generic.md');
    const flannel = runbook('flannel/vxlan-host-gw.md');
    const checks = clueChecks(
      'Since we turned on firewalld on the RHEL nodes, pods on different hosts time out',
      [flannel, generic],
      firewall,
    ).map((records) => records.map((c) => c.command));
    expect(checks).toContainEqual(['firewall-cmd --list-all']);
    const cilium = runbook('cilium/ebpf-datapath.md');
    const tool = clueChecks('cilium status shows 2 of 3 agents unreachable after the upgrade', [cilium]).map(
      (records) => records.map((c) => c.command),
    );
    expect(tool).toContainEqual(['cilium status --wait']);
    // A tool the body of a long report names is one the reporter already ran: no clue.
    const ran = clueChecks(
      'Pods on the new worker cannot reach the API server. I ran cilium status on the workstation and every ' +
        'agent reports OK; the endpoint list shows the pods ready and the node list has all three nodes.',
      [cilium],
    ).map((records) => records.map((c) => c.command));
    expect(ran).not.toContainEqual(['cilium status --wait']);
    // `cilium-dbg status` inside the agent is another tool; a question not naming `cilium status` names neither.
    expect(clueChecks('pods on two nodes cannot reach each other with cilium', [cilium])).toEqual([]);
  });

  it("bring the check testing a long report's clue into the answer from the top runbook", () => {
    const flannel = runbook('flannel/vxlan-host-gw.md');
    const generic = runbook('node-to-pod/host-to-pod-generic.md');
    // The body names much the runbook's other checks test (subnet.env, routes via flannel.1, MTU): only the
    // headline names firewalld, and the row "安全组/防火墙未放行 UDP 8472" says which check tests it.
    const report =
      'firewalld blocks pod traffic between our flannel nodes. We run flannel with the vxlan backend on three ' +
      'CentOS nodes installed with kubeadm; the flannel pods are Running, subnet.env looks right on every node, ' +
      'routes to the other pod subnets go via flannel.1 and the MTU is 1450, yet pods on different nodes cannot ' +
      'reach each other until we stop the service.';
    const hits = [hitOn(flannel, '常见问题'), hitOn(generic, '常见问题', 0.5)];
    const rows = likelyCauses(report, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses, firewall);
    const commands = pickCommands(report, hits, rows, DEFAULT_COMPOSE_OPTIONS, firewall);
    expect(commands.map((c) => c.command)).toContain('tcpdump -i <iface> -nn udp port 8472');
    // The generic runbook's firewalld check stays out: the top runbook has its own check of the clue.
    expect(commands.every((c) => c.source.path === flannel.path)).toBe(true);
    expect(commands.filter((c) => c.safety === 'read-only')).toHaveLength(
      DEFAULT_COMPOSE_OPTIONS.maxDiagnose,
    );

    // A tool the headline names: `cilium status`, among the agent checks the body's words pick.
    const cilium = runbook('cilium/ebpf-datapath.md');
    const named =
      'cilium status shows errors after a node reboot. After the worker rebooted, pods scheduled on it cannot ' +
      'reach pods on the other nodes; the endpoint list shows every endpoint ready, the bpf ipcache has the ' +
      'remote pod IPs, the monitor shows drops with reason Stale or unroutable IP, the service list and node ' +
      'list look right and kube-proxy replacement is on.';
    const ciliumHits = [hitOn(cilium, '3. 丢包定位：monitor 与 Hubble')];
    const ciliumRows = likelyCauses(named, ciliumHits, DEFAULT_COMPOSE_OPTIONS.maxCauses);
    expect(
      pickCommands(named, ciliumHits, ciliumRows, DEFAULT_COMPOSE_OPTIONS).map((c) => c.command),
    ).toContain('cilium status --wait');
  });

  it('take no check of another runbook for a clue the top runbook has no check of', () => {
    const cilium = runbook('cilium/ebpf-datapath.md');
    const generic = runbook('node-to-pod/host-to-pod-generic.md');
    const question = 'cilium: since firewalld was enabled on the nodes, pods on two nodes time out';
    const hits = [hitOn(cilium, '3. 丢包定位：monitor 与 Hubble'), hitOn(generic, '常见问题', 0.6)];
    // The clue is the generic runbook's firewalld check ...
    expect(
      clueChecks(question, [cilium, generic], firewall)
        .flat()
        .map((c) => c.command),
    ).toContain('firewall-cmd --list-all');
    // ... but an answer from the Cilium runbook does not take it: another runbook's check is more often off topic.
    const rows = likelyCauses(question, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses, firewall);
    const commands = pickCommands(question, hits, rows, DEFAULT_COMPOSE_OPTIONS, firewall);
    expect(commands.map((c) => c.command)).not.toContain('firewall-cmd --list-all');
    expect(commands.length).toBeGreaterThanOrEqual(DEFAULT_COMPOSE_OPTIONS.minCommands);
  });
});
describe('a setting named in another style', () => {
  const calico = runbook('calico/bgp-ipip.md');
  const report =
    'CALICO_IPV4POOL_NAT_OUTGOING does not work. I was following the calico/node configuration reference to enable CALICO_IPV4POOL_NAT_OUTGOING, but it seems the env does not take effect. calico-node runs as a systemd unit: docker run --net=host --privileged --name=calico-node -e NO_DEFAULT_POOLS= -e CALICO_IPV4POOL_NAT_OUTGOING=true -e CALICO_NETWORKING_BACKEND=bird quay.io/calico/node:v2.4.0.';
  const chinese = 'calico 设置了 CALICO_IPV4POOL_NAT_OUTGOING=true，pod 还是访问不了外网';
  const ippool = 'calicoctl get ippool -o wide';

  it("joins a compound word's parts as the other style writes them", () => {
    // An env var ends in the field it sets: `natOutgoing` of the IPPool.
    expect(joinedParts('CALICO_IPV4POOL_NAT_OUTGOING does not work', 'spans')).toContain('natoutgoing');
    // A runbook's key is the helm value a report names: `kubeProxyReplacement`.
    expect(joinedParts('grep kube-proxy-replacement', 'whole')).toEqual(new Set(['kubeproxyreplacement']));
    // Too short to name a setting, and no compound word at all.
    expect(joinedParts('ipv4 only', 'spans').size).toBe(0);
    expect(joinedParts('pod 出网不通', 'spans').size).toBe(0);
  });

  it('is a clue of the check the runbook says shows it', () => {
    expect(clueTerms(report)).toContain('natoutgoing');
    expect(
      clueChecks(report, [calico])
        .flat()
        .map((c) => c.command),
    ).toEqual([ippool]);
    expect(
      clueChecks(chinese, [calico])
        .flat()
        .map((c) => c.command),
    ).toEqual([ippool]);
    expect(clueChecks('calico 的 pod 跨节点 ping 不通，同节点正常', [calico])).toEqual([]);
  });

  it('brings that check into the answer', () => {
    const hit = hitOn(calico, '常见问题');
    expect(diagnostics(report, hit)).toContain(ippool);
    expect(diagnostics(chinese, hit)).toContain(ippool);
    expect(diagnostics('calico 的 pod 跨节点 ping 不通，同节点正常', hit)).not.toContain(ippool);
  });
});

describe("the report's own probes and addresses", () => {
  it('rank a probe the report already ran on that address after the next checks of the cause', () => {
    const service = runbook('service/clusterip-troubleshooting.md');
    const report =
      "Service ClusterIp:port can not access. service svc-web-1 ClusterIP 10.10.82.20 port 5555/TCP. I can access the two pods by pod ip (curl 10.16.0.3:5000 returns 10.16.0.3), but I can not access the service's clusterIp:port: curl 10.10.82.20:5555 gives Failed connect to 10.10.82.20:5555; timeout.";
    const first = diagnostics(report, hitOn(service, '常见问题')).slice(
      0,
      DEFAULT_COMPOSE_OPTIONS.minCommands,
    );
    // The curls the report pasted are not the first checks again: the Service's endpoints are.
    expect(first.some((command) => command.includes('curl'))).toBe(false);
    expect(first).toContain(
      'kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name>',
    );

    const nodePort = runbook('service/nodeport-loadbalancer.md');
    const zh =
      'NodePort 只有pod 所在的物理机节点能通，其他节点不通。请求pod所在的物理机 curl -iv 10.203.98.71:30013 返回200，其他节点 curl 10.203.98.72:30013 Connection timed out。防火墙都没有启用。';
    expect(diagnostics(zh, hitOn(nodePort, '概述'))).toContain(
      "iptables-save -t nat | grep -E 'KUBE-NODEPORTS|<namespace>/<service-name>'",
    );
  });

  it('rank a listing the report pasted after the checks it has not run', () => {
    const dns = runbook('dns/coredns.md');
    const report =
      'coredns error: read udp 100.64.0.2:38849->8.8.8.8:53: i/o timeout. I follow https://github.com/sealerio/applications/tree/main/flannel to install k8s with flannel. Although the pods are in the running state, the logs of coredns have errors:\n' +
      '[root@host8c ~]# kubectl get po -A -owide\n' +
      'kube-system   coredns-55bcc669d7-66v6r   1/1   Running   0   7m13s   100.64.0.2   host8c\n' +
      '/ # nslookup baidu.com\n' +
      "nslookup: can't resolve 'baidu.com'";
    const checks = diagnostics(report, hitOn(dns, '1. 检查 CoreDNS 与 kube-dns Service'));
    const listing = checks.indexOf('kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide');
    const corefile = checks.indexOf(
      "kubectl -n kube-system get configmap coredns -o jsonpath='{.data.Corefile}'",
    );
    expect(corefile).toBeGreaterThanOrEqual(0);
    expect(listing).toBeGreaterThan(corefile);
  });

  it('rank a check on an address the report names before the checks of its cause taking none', () => {
    const vpc = runbook('kube-ovn/default-vpc-path.md');
    const zh =
      'v1.13.0 自定义VPC下，子网配置SNAT后，子网下的pod无法访问大部分网段ip。当前配置ovn不知道要将172.18.120.173路由到哪，尝试在vpc1上添加静态路由 cidr 10.50.1.0/24 nextHopIP 172.18.164.254 policy policySrc。原先使用ovn snat不需要配置策略路由也可以通的。';
    expect(diagnostics(zh, hitOn(vpc, '概述')).slice(0, DEFAULT_COMPOSE_OPTIONS.minCommands)).toContain(
      'kubectl ko trace <namespace>/<pod> <target-ip> icmp',
    );

    const egress = runbook('pod-to-external/egress-internet.md');
    const en =
      'VpcNatGateway pod has internet, but pods in VPC cannot reach internet (egress). I am able to ping 8.8.8.8 from the gateway pod only.';
    expect(diagnostics(en, hitOn(egress, '4. 抓包与 conntrack 确认'))).toContain(
      'tcpdump -i <iface> -nn host <target-ip>',
    );
  });
});

describe('checks of a CNI the report does not name', () => {
  const policy = runbook('network-policy/networkpolicy-debug.md');
  const hit = hitOn(policy, '常见问题');
  const cniChecks = (commands: string[]) =>
    commands.filter((c) => /cilium|hubble|calicoctl|kubectl ko/.test(c));

  it("rank after the policy runbook's checks of every cluster when the report names no CNI", () => {
    for (const question of [
      'Default Deny policy is created with ingress allow',
      '创建了 default deny 策略，但入站流量仍然被放行',
    ]) {
      const commands = diagnostics(question, hit);
      expect(commands).toContain('kubectl describe networkpolicy -n <namespace>');
      expect(cniChecks(commands).length).toBeLessThanOrEqual(2);
    }
  });

  it('keep their place when the report names that CNI', () => {
    const commands = diagnostics(
      'Default Deny policy is created with ingress allow on Cilium, hubble shows no drops',
      hit,
    );
    expect(cniChecks(commands).length).toBeGreaterThanOrEqual(2);
  });
});

describe('lookups of a name as one check', () => {
  const dns = runbook('dns/coredns.md');
  const hits = [hitOn(dns, '2. 从客户端 Pod 逐级测试'), hitOn(dns, '常见问题', 0.95)];
  const checks = (question: string) =>
    picked(question, hits)
      .filter((line) => !line.includes('rollout restart'))
      .map((line) => line.slice(`${dns.path}: `.length));
  const lookups = (commands: string[]) => commands.filter((c) => /\bnslookup\b/.test(c));

  it('leaves room for the check of a likely cause when the runbook has several lookups (English and Chinese)', () => {
    const en = checks(
      "DNS lookups of service names from pods fail with NXDOMAIN: nslookup my-svc.default gives server can't find my-svc.default.svc.cluster.local.",
    );
    expect(lookups(en)).toHaveLength(1);
    expect(en).toContain('kubectl -n kube-system logs -l k8s-app=kube-dns --tail=100');
    const zh = checks('Pod 里 nslookup my-svc.default 返回 NXDOMAIN，集群内的 service 名都解析不了。');
    expect(lookups(zh)).toHaveLength(1);
    expect(zh).toContain('kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf');
    const timeouts = checks(
      'Lookups from pods time out now and then: of 1000 nslookup runs against the cluster DNS, 71 timed out.',
    );
    expect(lookups(timeouts).length).toBeLessThanOrEqual(2);
    expect(timeouts).toContain('kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide');
  });

  it('still leads with the lookup of an outside name when the report says one fails', () => {
    const outside = checks(
      'Pods cannot resolve outside names: curl gives Could not resolve host: example.com, cluster names resolve fine.',
    );
    expect(outside[0]).toBe('kubectl exec -n <namespace> <pod> -- nslookup www.example.com.');
    expect(outside).toContain("kubectl -n kube-system get configmap coredns -o jsonpath='{.data.Corefile}'");
  });
});

describe('topRunbookCheck', () => {
  const service = runbook('service/clusterip-troubleshooting.md');
  const dns = runbook('dns/coredns.md');
  const record = (doc: DocRecord, command: string) => {
    const found = doc.commands.find((c) => c.command === command);
    if (!found) throw new Error(`${doc.path} has no command ${command}`);
    return found;
  };
  const dnsEndpoints = record(
    dns,
    'kubectl -n kube-system get endpointslices -l kubernetes.io/service-name=kube-dns',
  );
  const serviceRules = record(service, 'iptables-save -t nat | grep <cluster-ip>');
  const serviceDefinition = record(service, 'kubectl get svc <service-name> -n <namespace> -o wide');

  it("picks the top runbook's best check of a matched row, else its best check", () => {
    const ranking = [{ record: dnsEndpoints }, { record: serviceDefinition }, { record: serviceRules }];
    expect(topRunbookCheck(ranking, service, new Map([[serviceRules, 3]]), new Set())).toBe(serviceRules);
    expect(topRunbookCheck(ranking, service, new Map(), new Set())).toBe(serviceDefinition);
  });

  it('never picks a check of another mode, of a ruled-out cause, or of another runbook', () => {
    const ranking = [{ record: dnsEndpoints }, { record: serviceRules, otherMode: true }];
    expect(topRunbookCheck(ranking, service, new Map([[serviceRules, 3]]), new Set())).toBeUndefined();
    expect(
      topRunbookCheck(
        [{ record: dnsEndpoints }, { record: serviceRules }],
        service,
        new Map(),
        new Set([serviceRules]),
      ),
    ).toBeUndefined();
  });
});

describe("a name failing where its address works: the client pod's resolver", () => {
  const dns = runbook('dns/coredns.md');
  const proxy = runbook('service/kube-proxy-iptables-ipvs.md');
  // The DNS runbook leads and the kube-proxy runbook scored nearly as high: which one fits is in doubt.
  const hits = [hitOn(dns, '1. 检查 CoreDNS 与 kube-dns Service'), hitOn(proxy, '常见问题', 0.97)];
  const RESOLV_CONF = 'kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf';

  it('reads the resolv.conf of the client pod (English and Chinese)', () => {
    expect(
      picked(
        'redis connection problem in k8s. The ClusterIP provided by redis service can normally connect to the redis service. If the redis service name cannot connect to the redis service, why is this',
        hits,
      ),
    ).toContain(`${dns.path}: ${RESOLV_CONF}`);
    expect(picked('集群里用 ClusterIP 可以访问 redis，用服务名访问不通，这是为什么？', hits)).toContain(
      `${dns.path}: ${RESOLV_CONF}`,
    );
  });

  it('does not when the Service address fails too or the name resolves', () => {
    expect(
      picked('Can not access Service IP or Service name, but can access Pod IP. kube-proxy runs ipvs.', hits),
    ).not.toContain(`${dns.path}: ${RESOLV_CONF}`);
    expect(
      picked(
        'nslookup bj001 works and resolves to 10.254.54.162, but curl bj001:18010 hangs; using the pod IP works.',
        hits,
      ),
    ).not.toContain(`${dns.path}: ${RESOLV_CONF}`);
  });
});
