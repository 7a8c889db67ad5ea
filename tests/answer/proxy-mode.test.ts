import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { pickCommands } from '../../src/answer/commands.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import {
  asksProxyMode,
  checkProxyMode,
  statedProxyMode,
  unlikelyIpvsCheck,
} from '../../src/answer/proxy-mode.js';
import { likelyCauses } from '../../src/answer/rank-rows.js';
import type { DocRecord } from '../../src/core/types.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import { parseDocument } from '../../src/ingest/document.js';
import type { FusedHit, Searcher } from '../../src/retrieve/types.js';

// Real runbooks of the bundled KB, parsed as ingest parses them.
const KB = path.resolve(import.meta.dirname, '../../kb');
const runbook = (relative: string): DocRecord =>
  parseDocument(relative, readFileSync(path.join(KB, relative), 'utf8'));
const kubeProxy = runbook('service/kube-proxy-iptables-ipvs.md');

function hitOn(doc: DocRecord, heading: string): FusedHit {
  const chunk = doc.chunks.find((c) => c.headingPath.at(-1)?.includes(heading));
  if (!chunk) throw new Error(`${doc.path} has no section '${heading}'`);
  return { chunk, doc, score: 1, via: ['lexical'], matchedTriggers: [] };
}

function checks(question: string, hit: FusedHit): string[] {
  const hits = [hit];
  const rows = likelyCauses(question, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses);
  return pickCommands(question, hits, rows, DEFAULT_COMPOSE_OPTIONS)
    .filter((c) => c.safety === 'read-only')
    .map((c) => c.command);
}

const ipvsOnly = (command: string) => /ipvsadm|kube-ipvs0|ip_vs|KUBE-CLUSTER-IP/.test(command);

/** Index of the first check matching, or the length when none does. */
const firstAt = (list: string[], test: (command: string) => boolean) => {
  const at = list.findIndex(test);
  return at === -1 ? list.length : at;
};
const lastAt = (list: string[], test: (command: string) => boolean) =>
  list.reduce((last, command, i) => (test(command) ? i : last), -1);

describe('statedProxyMode', () => {
  it('reads the mode a report says its kube-proxy runs', () => {
    expect(
      statedProxyMode(
        'dig @10.100.0.10 from the host fails with kube-proxy in iptables mode, it works with the userspace proxier.',
      ),
    ).toBe('iptables');
    expect(statedProxyMode('集群 kube-proxy 使用 iptables 模式，节点上访问 ClusterIP 超时')).toBe('iptables');
    expect(statedProxyMode('kube-proxy runs with --proxy-mode=ipvs and the ClusterIP times out')).toBe(
      'ipvs',
    );
    expect(statedProxyMode('the kube-proxy configmap has mode: ipvs, and iptables-save shows nothing')).toBe(
      'ipvs',
    );
    expect(statedProxyMode('kube-proxy 模式为 ipvs，iptables -t nat -L 里看不到 KUBE-SVC 链')).toBe('ipvs');
  });

  it('reads no mode when none is stated, or when two are named', () => {
    expect(statedProxyMode('Service ClusterIP times out from one node, iptables rules look fine')).toBeNull();
    expect(
      statedProxyMode('After we switched kube-proxy from ipvs to iptables mode, ClusterIP hangs'),
    ).toBeNull();
    expect(statedProxyMode('kube-proxy 从 ipvs 模式切换到 iptables 模式后 Service 不通')).toBeNull();
    expect(statedProxyMode('节点上 ipvsadm -Ln 看不到 Service，kube-ipvs0 上也没有地址')).toBeNull();
  });

  it('reads the mode a long report’s headline names alone when its body compares two (EN and ZH)', () => {
    expect(
      statedProxyMode(
        'kube-proxy IPVS: NodePort 30080 times out from other nodes. We run ipvs mode on 1.26 and the NodePort only answers on the node of the pod; if we go back to iptables mode, every node answers.',
      ),
    ).toBe('ipvs');
    expect(
      statedProxyMode(
        'iptables mode: pod cannot reach its own Service. With iptables mode the backend pod times out calling its ClusterIP, while in ipvs mode the same hairpin call works fine on this cluster.',
      ),
    ).toBe('iptables');
    expect(
      statedProxyMode(
        'IPVS 模式下 Pod 通过 Service 访问自己超时。集群 kube-proxy 用 ipvs 模式，切回 iptables 模式就正常，Pod 访问别的 Service 也没有问题，只有访问自己所在的 Service 时 curl 超时。',
      ),
    ).toBe('ipvs');
  });

  it('reads no mode when the headline names both modes or none (EN and ZH)', () => {
    expect(
      statedProxyMode(
        'Switched kube-proxy from ipvs to iptables, NodePort broke. We ran ipvs mode for a year; after changing to iptables mode NodePort 30080 times out from every node.',
      ),
    ).toBeNull();
    expect(
      statedProxyMode(
        'Pod cannot reach its own Service. With ipvs mode the backend pod times out calling its ClusterIP, while in iptables mode the same call works fine on this cluster.',
      ),
    ).toBeNull();
    expect(
      statedProxyMode(
        'Pod 通过 Service 访问自己超时。集群 kube-proxy 用 ipvs 模式，切回 iptables 模式就正常，Pod 访问别的 Service 也没有问题，只有访问自己所在的 Service 时 curl 超时。',
      ),
    ).toBeNull();
  });
});

describe('checkProxyMode', () => {
  it('tells which checks the runbook gives for one mode only', () => {
    const modeOf = (command: string) => {
      const record = kubeProxy.commands.find((c) => c.command === command);
      if (!record) throw new Error(`no command ${command}`);
      return checkProxyMode(record, kubeProxy);
    };
    expect(modeOf('ipvsadm -Ln -t <cluster-ip>:<port>')).toBe('ipvs');
    expect(modeOf("lsmod | grep -E 'ip_vs|nf_conntrack'")).toBe('ipvs');
    expect(modeOf('iptables-save -t nat | grep <cluster-ip>')).toBe('iptables');
    expect(modeOf('curl -s http://127.0.0.1:10249/proxyMode')).toBeNull();
    expect(modeOf('sysctl net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables')).toBeNull();
  });
});

describe('a stated kube-proxy mode ranks the other mode’s checks last', () => {
  const ipvsSection = hitOn(kubeProxy, 'IPVS 模式');
  const iptablesSection = hitOn(kubeProxy, 'iptables 模式');

  it('puts IPVS checks after the others for an iptables-mode report (EN and ZH)', () => {
    for (const question of [
      'ClusterIP from the host times out with kube-proxy in iptables mode; the service has endpoints and pods reach it.',
      '集群 kube-proxy 使用 iptables 模式，节点上访问 ClusterIP 超时，Pod 里访问正常，Service 有 endpoints。',
    ]) {
      const list = checks(question, ipvsSection);
      expect(list.some((command) => !ipvsOnly(command))).toBe(true);
      expect(firstAt(list, ipvsOnly)).toBeGreaterThan(lastAt(list, (command) => !ipvsOnly(command)));
    }
  });

  it('puts iptables chain checks after the others for an IPVS-mode report', () => {
    const iptablesOnly = (command: string) => command.startsWith('iptables-save -t nat');
    for (const question of [
      'kube-proxy runs with --proxy-mode=ipvs; the ClusterIP times out from one node while the service has endpoints.',
      'kube-proxy 模式为 ipvs，某个节点上访问 ClusterIP 超时，Service 有 endpoints。',
    ]) {
      const list = checks(question, iptablesSection);
      expect(firstAt(list, iptablesOnly)).toBeGreaterThan(lastAt(list, (command) => !iptablesOnly(command)));
    }
  });

  it('offers the stated mode’s own checks (EN and ZH)', () => {
    const first = hitOn(kubeProxy, '确认 kube-proxy');
    for (const question of [
      'dig @10.100.0.10 from the host fails with kube-proxy in iptables mode, it works with the userspace proxier. From pods DNS via the service IP works.',
      '集群 kube-proxy 使用 iptables 模式，宿主机上 dig @10.96.0.10 失败，Pod 里通过 Service IP 解析 DNS 正常。',
    ])
      expect(checks(question, first).some((command) => command.startsWith('iptables-save -t nat'))).toBe(
        true,
      );
    // No mode stated: the runbook's generic checks as before.
    expect(
      checks(
        'dig @10.100.0.10 from the host fails, it works from pods. DNS via the service IP works from pods.',
        first,
      ).some((command) => command.startsWith('iptables-save -t nat')),
    ).toBe(false);
  });

  it('keeps the order when two modes are stated, and offers IPVS checks when none is', () => {
    // No mode stated and no trace of IPVS: its checks score less (the default mode is iptables) but are offered.
    const unstated = checks(
      'ClusterIP from the host times out; the service has endpoints and pods reach it.',
      ipvsSection,
    );
    expect(unstated.some(ipvsOnly)).toBe(true);
    for (const question of [
      'After switching kube-proxy from ipvs to iptables mode, ClusterIP from the host times out; the service has endpoints.',
      'kube-proxy 从 ipvs 模式切换到 iptables 模式后，节点上访问 ClusterIP 超时，Service 有 endpoints。',
    ]) {
      const list = checks(question, ipvsSection);
      expect(firstAt(list, ipvsOnly)).toBeLessThan(lastAt(list, (command) => !ipvsOnly(command)));
    }
  });
});

describe('a stated kube-proxy mode ranks the check asking which mode runs lower', () => {
  const record = (command: string) => {
    const found = kubeProxy.commands.find((c) => c.command === command);
    if (!found) throw new Error(`no command ${command}`);
    return found;
  };
  const asksMode = (command: string) => /\/proxyMode|mode:/.test(command);
  const first = hitOn(kubeProxy, '确认 kube-proxy');

  it('tells the checks that find out the mode', () => {
    expect(asksProxyMode(record('curl -s http://127.0.0.1:10249/proxyMode'))).toBe(true);
    expect(
      asksProxyMode(
        record(
          "kubectl -n kube-system get configmap kube-proxy -o yaml | grep -E 'mode:|clusterCIDR|masqueradeAll|strictARP'",
        ),
      ),
    ).toBe(true);
    expect(asksProxyMode(record('ipvsadm -Ln -t <cluster-ip>:<port>'))).toBe(false);
    expect(asksProxyMode(record('curl -s http://127.0.0.1:10256/healthz'))).toBe(false);
  });

  it('lists the stated mode’s service check rather than asking the mode (EN)', () => {
    const list = checks(
      'Request pod itself via service failed when kube proxy is ipvs mode. nginx-service ClusterIP 10.254.95.204; curling the service from inside the pod that backs it fails.',
      first,
    );
    expect(list.some((command) => command.startsWith('ipvsadm -Ln -t'))).toBe(true);
    expect(list.some(asksMode)).toBe(false);
  });

  it('lists the IPVS service check for a report whose headline names IPVS and whose body compares iptables (EN)', () => {
    const list = checks(
      'kube-proxy IPVS: pod cannot reach itself through its service. IPVS is enabled on 1.8; in ipvs mode the pod times out calling its own service, but if I use iptables mode, hairpin NAT works. kube-proxy --proxy-mode=ipvs --cluster-cidr=10.244.0.0/16.',
      first,
    );
    expect(list.some((command) => command.startsWith('ipvsadm -Ln -t'))).toBe(true);
  });

  it('asks the mode after the stated mode’s checks, if at all (ZH)', () => {
    for (const question of [
      'kube-proxy 使用 ipvs 模式，Pod 通过自己的 Service 访问自己失败，ClusterIP 10.254.95.204。',
      'kube-proxy 模式为 ipvs，某个节点上的 Pod 访问 ClusterIP 超时，其他节点正常。',
    ]) {
      const list = checks(question, first);
      expect(list.filter(ipvsOnly).length).toBeGreaterThanOrEqual(2);
      expect(firstAt(list, asksMode)).toBeGreaterThan(lastAt(list, ipvsOnly));
    }
  });

  it('still asks the mode when the report does not state it (EN and ZH)', () => {
    for (const question of [
      'Only pods on one node fail to reach the ClusterIP, other nodes are fine.',
      '节点上找不到任何 KUBE-SVC 链，iptables-save 里没有这个 Service 的规则。',
    ])
      expect(checks(question, first).some((command) => command.includes('/proxyMode'))).toBe(true);
  });
});

describe('a report saying nothing of IPVS most likely runs the default iptables mode', () => {
  const nodePort = runbook('service/nodeport-loadbalancer.md');
  const record = (doc: DocRecord, start: string) => {
    const found = doc.commands.find((c) => c.command.startsWith(start));
    if (!found) throw new Error(`${doc.path} has no command ${start}`);
    return found;
  };
  const ipvsadm = record(nodePort, 'ipvsadm -Ln');
  const nodePortRules = record(nodePort, 'iptables-save -t nat');

  it('calls an IPVS-only check unlikely when the report shows no trace of IPVS (EN and ZH)', () => {
    for (const question of [
      'NodePort only works on the node running the pod; from the other nodes curl <node-ip>:30080 times out.',
      'NodePort 只有 pod 所在的节点能通，其他节点访问 30080 超时。',
    ]) {
      expect(unlikelyIpvsCheck(question, ipvsadm, nodePort)).toBe(true);
      expect(unlikelyIpvsCheck(question, nodePortRules, nodePort)).toBe(false);
    }
  });

  it('does not when the report states a mode or shows IPVS anywhere', () => {
    for (const question of [
      'NodePort only works on the node running the pod; kube-proxy runs with --proxy-mode=ipvs.',
      'NodePort only works on the node running the pod; ipvsadm -Ln shows the virtual server on every node.',
      'NodePort 只有 pod 所在的节点能通，kube-ipvs0 上有这个地址。',
      'NodePort 只有 pod 所在的节点能通，kube-proxy 使用 iptables 模式。',
    ])
      expect(unlikelyIpvsCheck(question, ipvsadm, nodePort)).toBe(false);
  });

  it('offers the iptables check of the NodePort rules, not the IPVS one, unless IPVS is named (EN and ZH)', () => {
    const rulesSection = hitOn(nodePort, '节点上的 kube-proxy 规则');
    const rules = (c: string) => c.startsWith('iptables-save -t nat');
    const ipvs = (c: string) => c.startsWith('ipvsadm -Ln');
    for (const question of [
      'NodePort only works on the node running the pod: curl to the node port on any other node times out, kube-proxy runs on every node.',
      'NodePort 只在 pod 所在节点能访问，其他节点上 curl 节点端口超时，每个节点都有 kube-proxy。',
    ]) {
      const list = checks(question, rulesSection);
      expect(list.some(rules)).toBe(true);
      expect(list.some(ipvs)).toBe(false);
    }
    const ipvsReport =
      'NodePort only works on the node running the pod: curl to the node port on any other node times out, kube-proxy runs with --proxy-mode=ipvs.';
    expect(checks(ipvsReport, rulesSection).some(ipvs)).toBe(true);
  });
});

describe('a report whose headline names IPVS and whose body compares iptables mode, over the bundled KB', () => {
  let tmp = '';
  let searcher: Searcher;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-proxy-mode-'));
    await ingestKb({ kbDir: KB, indexDir: tmp, embedder: null, vectorsDisabledReason: 'test' });
    searcher = await openSearcher(tmp, { embedder: null, vectorsDisabledReason: 'test' });
  }, 120_000);
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('gets the IPVS check of the service, not only the checks asking the mode', async () => {
    // Before, the two modes named made the mode unstated: the checks asking which mode runs led, and the check of
    // the service's IPVS virtual server ranked seventh, under the cut.
    const message =
      "kube-proxy IPVS: a pod can't reach itself through its service. I enabled ipvs on Kube 1.8, and with ipvs mode the pod cannot visit itself via the service, but if I use iptables mode, hairpin NAT works. kube-proxy --proxy-mode=ipvs --ipvs-scheduler=rr --cluster-cidr=10.244.0.0/16. The service has one pod, web-7d9f 1/1 Running 10.244.2.10.";
    const { body } = await answerChat({ searcher, conversations: new ConversationStore() }, { message });
    expect(body.citations[0]?.path).toBe('service/kube-proxy-iptables-ipvs.md');
    const commands = body.commands.map((c) => c.command);
    expect(commands).toContainEqual(expect.stringMatching(/^ipvsadm -Ln -t/));
    expect(commands.length).toBeLessThanOrEqual(8);
  });
});
