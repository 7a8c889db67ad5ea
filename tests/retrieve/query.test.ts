import { describe, expect, it } from 'vitest';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import {
  analyzeQuery,
  headlineOf,
  payloadSizeSymptom,
  type QueryVocabulary,
  reportsBrokenPath,
  splitWorking,
  workingWithEnumeration,
} from '../../src/retrieve/query.js';
import { tokenize } from '../../src/retrieve/tokenize.js';

/** A KB that knows these words and nothing else. */
const KNOWN = new Set([
  'pod',
  'pods',
  'curl',
  '超时',
  '节点',
  '通',
  'cross-node',
  'cross',
  'node',
  'traffic',
  '6443',
]);
/** Two alternatives (same-node ↔ cross-node), as an exclusive glossary set of two groups would give. */
const ALTERNATIVES: Record<string, string[]> = { 'cross-node': ['same-node'], 'same-node': ['cross-node'] };
const vocabulary: QueryVocabulary = {
  tokenize: (text) => tokenize(text),
  has: (token) => KNOWN.has(token),
  alternativesOf: (token) => ALTERNATIVES[token] ?? [],
};
const analyze = (question: string) => analyzeQuery(normalizeText(question), vocabulary, RETRIEVAL_CONFIG);
const weight = RETRIEVAL_CONFIG.query.workingPathWeight;

describe('analyzeQuery', () => {
  it('keeps every term at full weight when nothing is contrasted', () => {
    const query = analyze('pod 里 curl 超时');
    expect(query.working).toBe('');
    expect(query.focus).toBe(query.text);
    expect([...query.terms.values()].every((w) => w === 1)).toBe(true);
  });

  it('discounts words that occur only in a working-path clause (Chinese)', () => {
    const query = analyze('pod 里 curl 超时，节点上 curl 是通的');
    expect(query.focus).toContain('超时');
    expect(query.working).toContain('是通的');
    expect(query.terms.get('pod')).toBe(1);
    expect(query.terms.get('curl')).toBe(1); // in both parts: the failing one wins
    expect(query.terms.get('节点')).toBe(weight);
  });

  it('discounts working-path clauses after "but" and "is fine" (English)', () => {
    const query = analyze("two pods can't talk, but cross-node traffic works");
    expect(query.working).toBe('cross-node traffic works');
    expect(query.terms.get('pods')).toBe(1);
    expect(query.terms.get('cross-node')).toBe(weight);
    expect(analyze('pods time out on port 6443, other nodes are fine').terms.get('node')).toBeUndefined();
  });

  it('reads "are able to communicate" and "can ping" as working, "is not able to" and "cannot" as failing', () => {
    const query = analyze(
      'pods with same node are able to communicate with each other but pod on another node is not able to communicate',
    );
    expect(query.working).toBe('pods with same node are able to communicate with each other');
    expect(analyze('cross-node pods can ping, pods cannot curl 6443').working).toBe(
      'cross-node pods can ping',
    );
    expect(analyze('cross-node pods cannot ping, curl 6443 times out').working).toBe('');
  });

  it('does not read a failing clause as working: 没问题 is working, 不通 is not', () => {
    expect(analyze('pod 超时，节点没问题').working).toBe('节点没问题');
    expect(analyze('pod 超时，节点也不通').working).toBe('');
    expect(analyze("pods time out, node traffic doesn't work either").working).toBe('');
  });

  it('reads "only X works" as part of the failure, not as a working path', () => {
    expect(analyze('pod 只有部分节点能访问，部分超时').working).toBe('');
    expect(analyze('curl only works from the node, pods time out').working).toBe('');
  });

  it('reads "none / nothing / neither works" as failing, not as a working path', () => {
    expect(analyze('pods cannot reach the service, none of the nodes works').working).toBe('');
    expect(analyze('after the upgrade nothing works, dns times out').working).toBe('');
    expect(analyze('neither the clusterip nor the nodeport works from the pod').working).toBe('');
    expect(analyze('pods time out, node traffic works').working).toBe('node traffic works');
  });

  it('keeps parenthetical context at full weight', () => {
    const query = analyze('pod curl 超时，节点都正常 (cross-node)');
    expect(query.terms.get('cross-node')).toBe(1);
  });

  it('falls back to the whole question when the failing part says nothing the KB knows', () => {
    const query = analyze('nodeport works from the node, not from the office');
    expect(query.working).toBe('');
    expect(query.terms.get('node')).toBe(1);
  });

  it('drops identifiers with digits the KB has never seen, keeps known ones', () => {
    const query = analyze('curl 10.16.0.20:6443 from node-05 超时');
    expect([...query.terms.keys()]).not.toContain('node-05');
    expect([...query.terms.keys()]).not.toContain('10.16.0.20:6443');
    expect(query.terms.get('6443')).toBe(1);
    expect(query.terms.get('超时')).toBe(1);
  });

  it('reads "the other alternative works" as a question about this one', () => {
    const query = analyze("two pods can't talk, but cross-node traffic works");
    expect(query.terms.get('same-node')).toBe(1);
    expect(query.terms.get('cross-node')).toBe(weight);
  });

  it('infers nothing when the failing part names an alternative itself, or nothing is contrasted', () => {
    expect(analyze('cross-node pods time out, same-node works').terms.get('same-node')).toBe(weight);
    expect(analyze('cross-node pods time out').terms.has('same-node')).toBe(false);
  });

  it('drops generated object names and their parts, keeps words said elsewhere', () => {
    const query = analyze('pod frontend-5c7d9 to backend-7d9f8b6c4-x2x4p 超时, backend pod 也超时');
    const terms = [...query.terms.keys()];
    expect(terms).not.toContain('frontend-5c7d9');
    expect(terms).not.toContain('frontend');
    expect(terms).not.toContain('backend-7d9f8b6c4-x2x4p');
    expect(terms).toContain('backend');
    expect(terms).toContain('pod');
  });

  it('keeps names without a generated suffix (br-int, ovn-k8s-mp0, node-exporter)', () => {
    const terms = [...analyze('br-int ovn-k8s-mp0 node-exporter 超时').terms.keys()];
    expect(terms).toEqual(expect.arrayContaining(['br-int', 'br', 'int', 'node-exporter', 'exporter']));
  });

  it('does not split IPs or domains on their dots', () => {
    expect(analyze('curl 10.16.0.20, 超时').working).toBe('');
    expect(analyze('curl my-svc.prod hangs. node is fine').working).toBe('node is fine');
  });
});

describe('payloadSizeSymptom: small works, large hangs (an MTU problem however it is worded)', () => {
  it.each([
    'If the resource I request is small, wget can get the response. If it is large (~20k), wget stalls',
    'when the container sends a long reply to an HTTP request, the long packets are dropped',
    'TCP connections hang waiting for response packets that are too big to be delivered',
    '小包能通，大包不通',
    '传大文件的时候连接卡住，小请求正常',
  ])('%s', (text) => {
    expect(payloadSizeSymptom(normalizeText(text))).toBe(true);
  });

  it.each([
    'pods on different nodes cannot ping each other',
    'a large cluster with 500 nodes, coredns is slow',
    '大量 pod 同时重启后 dns 解析失败',
  ])('not: %s', (text) => {
    expect(payloadSizeSymptom(normalizeText(text))).toBe(false);
  });
});

describe('reportsBrokenPath: a path that does not carry traffic, not a question about using a tool', () => {
  const query = (text: string) => analyzeQuery(normalizeText(text), vocabulary, RETRIEVAL_CONFIG);
  it.each([
    'Pod ovn-pinger cannot ping the k8s cluster or other pod. ovs-vsctl show 里 geneve 端口已建立',
    'tcpdump on both hosts: packets go out from host A, but pods on different nodes are not able to communicate',
    '跨节点 pod 不通，genev_sys_6081 上能抓到包',
    'captured with tcpdump: the SYN leaves the pod but no SYN-ACK comes back',
    'tcpdump shows the request and no reply from the other node',
    'the SYN from a pod on another node is traced but never answered',
    'curl to the cluster ip times out, tcpdump on the node shows nothing',
    'pod 访问 service 超时，ovn0 上抓包只看到 SYN',
  ])('%s', (text) => {
    expect(reportsBrokenPath(query(text))).toBe(true);
  });

  it.each([
    'how do I capture on br-int with tcpdump',
    '在 br-int 上 tcpdump 什麼都抓不到',
    '怎么看 ovs 流表',
  ])('not: %s', (text) => {
    expect(reportsBrokenPath(query(text))).toBe(false);
  });
});

describe('headline of a long report', () => {
  const body =
    'we run version 1.2.3 on three machines, the tcpdump on the other side shows nothing at all and the logs of ' +
    'the agent show only info lines so far, firewall is off everywhere';
  const report = `cross-node pod traffic times out on 6443. ${body}`;

  it('is the first sentence when a long body follows (not a dot inside 1.2.3 or a domain)', () => {
    expect(headlineOf(normalizeText(report), 20)).toBe('cross-node pod traffic times out on 6443');
    expect(headlineOf(normalizeText('pods time out. the node is fine'), 20)).toBeNull();
    expect(headlineOf(normalizeText('跨节点 pod 超时。节点上 curl 是通的'), 20)).toBeNull();
    expect(headlineOf(normalizeText(`跨节点 pod 超时。${body}`), 20)).toBe('跨节点pod超时');
  });

  it('weighs words only the body has by bodyWeight, headline words fully', () => {
    const query = analyzeQuery(normalizeText(report), vocabulary, RETRIEVAL_CONFIG);
    expect(query.headline).toBe('cross-node pod traffic times out on 6443');
    expect(query.terms.get('pod')).toBe(1);
    expect(query.terms.get('traffic')).toBe(1);
    expect(query.terms.get('tcpdump')).toBe(RETRIEVAL_CONFIG.query.bodyWeight);
  });

  it('leaves a short question, or one whose headline names little the KB knows, unweighted', () => {
    expect(analyze('pods time out on 6443. cross-node traffic too').headline).toBeNull();
    const vague = analyzeQuery(
      normalizeText(`[bug] help needed please. ${body}`),
      vocabulary,
      RETRIEVAL_CONFIG,
    );
    expect(vague.headline).toBeNull();
    expect(vague.terms.get('tcpdump')).toBe(1);
  });
});

describe('workingWithEnumeration', () => {
  const works = (clause: string) => /正常|works/.test(clause);

  it('takes the bare items of a list that a "both/all work" clause closes as working too', () => {
    const clauses = ['pod访问service超时', 'pod到pod', '主机到pod', '主机到service都正常'];
    expect(workingWithEnumeration(clauses, works)).toEqual(['pod到pod', '主机到pod', '主机到service都正常']);
    expect(workingWithEnumeration(['curl times out', 'ping', 'dns both works'], works)).toEqual([
      'ping',
      'dns both works',
    ]);
  });

  it('keeps other clauses as they are: no quantifier, or an item that fails on its own', () => {
    expect(workingWithEnumeration(['pod到pod', '主机到service正常'], works)).toEqual(['主机到service正常']);
    expect(workingWithEnumeration(['pod到pod不通', '主机到service都正常'], works)).toEqual([
      '主机到service都正常',
    ]);
  });

  it('reads such a report as failing on the service path (analyzeQuery)', () => {
    const query = analyze('pod 访问 curl 超时，但是 pod 到 节点，节点 到 node 都正常');
    expect(query.working).toContain('pod到节点');
    expect(query.terms.get('节点')).toBe(RETRIEVAL_CONFIG.query.workingPathWeight);
  });
});

describe('splitWorking: what works or was ruled out is not the failing part', () => {
  it.each([
    ["pods can't reach the internet. it's not a dns problem, i use ips only", "it's not a dns problem"],
    ['pod 访问外网超时，不是 dns 的问题', '不是 dns 的问题'],
    ['curl to the service hangs, this is not a firewall issue', 'this is not a firewall issue'],
  ])('%s', (text, ruledOut) => {
    const { focus, workingClauses } = splitWorking(normalizeText(text));
    expect(workingClauses).toEqual([normalizeText(ruledOut)]);
    expect(focus).not.toContain(normalizeText(ruledOut));
  });

  it('keeps a failing clause that only mentions a problem', () => {
    expect(splitWorking('dns is the problem, nslookup times out').workingClauses).toEqual([]);
    expect(splitWorking('the problem is not dns related, pods time out').workingClauses).toEqual([]);
  });
});

describe('splitWorking: "X works from A but not from B"', () => {
  it('keeps what works in the failing part when the failing clause only names another place', () => {
    const { focus, workingClauses } = splitWorking(
      normalizeText('NodePort 30080 works from the node itself but not from the office network'),
    );
    expect(focus).toContain('nodeport 30080');
    expect(workingClauses).toEqual(['works from the node itself']);
  });

  it('leaves a contrast of two subjects alone', () => {
    const { focus, workingClauses } = splitWorking(normalizeText('ping works but not curl'));
    expect(workingClauses).toEqual(['ping works']);
    expect(focus).not.toContain('ping');
  });
});

describe('splitWorking: "only on the same node" says where traffic still works', () => {
  it.each([
    [
      'requests to a cluster ip service only get to the pod when it is on the same node, otherwise they timeout',
      'only get to the pod when it is on the same node',
    ],
    [
      'network policies only take effect when pods are assigned to the same node',
      'only take effect when pods are assigned to the same node',
    ],
    ['pod 之间只有在同一节点上才能通', '只有在同一节点'],
  ])('%s', (text, scope) => {
    const { focus, workingClauses } = splitWorking(normalizeText(text));
    expect(workingClauses.some((clause) => clause.startsWith(normalizeText(scope)))).toBe(true);
    expect(focus).not.toContain('same node');
  });

  it('leaves "only" without a same-node scope in the failing part', () => {
    const text = 'only pods on node-05 cannot reach the same service';
    expect(splitWorking(normalizeText(text)).workingClauses).toEqual([]);
  });
});

describe('splitWorking: "I am able to X" is a working path', () => {
  it('reads the first person "am able to" like "is able to"', () => {
    const { focus, workingClauses } = splitWorking(
      normalizeText(
        'Why I am not able to access the node port service from my local browser? I am able to access the service internally - by pod ip & cluster ip but not able to access from my local browser',
      ),
    );
    expect(workingClauses).toEqual([
      normalizeText('I am able to access the service internally - by pod ip & cluster ip'),
    ]);
    expect(focus).toContain('node port');
  });

  it('keeps "I am not able to" as the failure', () => {
    expect(
      splitWorking(normalizeText('I am not able to reach the service, the pods are running')).workingClauses,
    ).toEqual([]);
  });
});
