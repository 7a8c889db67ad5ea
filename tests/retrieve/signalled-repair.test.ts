/**
 * A report that shows a Kube-OVN component crash-looping (in a sentence, or as a pasted pod row) and reports no
 * broken path is answered from the runbook whose signals name that component, not from the CNI's path runbooks that
 * share its component names (src/retrieve/signalled-repair.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/retrieve/normalize.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import {
  rowSignalMatches,
  signalledDocs,
  signalledRepairFactor,
} from '../../src/retrieve/signalled-repair.js';
import { bundledSearchers } from './bundled-kb.js';

const OVS = 'diagnostics/ovs-flows.md';
const SIGNALS = [
  'kube-ovn-controller crashloopbackoff',
  'kube-ovn-cni crashloopbackoff',
  'kube-ovn-controller is not running',
  'daemon set "ovs-ovn" rollout',
  'ovs 报错',
];
const matches = (text: string) =>
  rowSignalMatches(normalizeText(text), [{ docPath: OVS, signals: SIGNALS }]).flatMap((hit) => hit.matched);

describe('rowSignalMatches', () => {
  it.each([
    [
      'kube-ovn容器一直处于 CrashLoopBackOff状态：kube-ovn-cni-hrcf9 0/1 CrashLoopBackOff 12 3d19h；kube-ovn-pinger-f26n7 1/1 Running',
      'kube-ovn-cni crashloopbackoff',
    ],
    [
      'Cluster not coming back up after master node reboot. k get pods -A | grep ovn: kube-ovn-controller-576c9f9799-46vgs 0/1 CrashLoopBackOff',
      'kube-ovn-controller crashloopbackoff',
    ],
    [
      'kube-ovn,controller和 cni的pod：kube-ovn-controller 和 kube-ovn-cni 的 pod CrashLoopBackOff。',
      'kube-ovn-cni crashloopbackoff',
    ],
    ['v1.11.0, deployment "kube-ovn-controller" is not running.', 'kube-ovn-controller is not running'],
    ['某个节点 ovs-ovn-dbrg2 一直报错，网络无法使用', 'ovs 报错'],
  ])('%s', (text, signal) => {
    expect(matches(text)).toContain(signal);
  });

  it.each([
    // The state belongs to another pod's row, or the words come in another order.
    'kube-ovn-cni-hrcf9 1/1 Running 0; coredns-6bf96d48f4-jdvnf 0/1 CrashLoopBackOff 12',
    'kube-ovn-cni-hrcf9 1/1 Running 0。coredns CrashLoopBackOff',
    'CrashLoopBackOff of my app; kube-ovn-cni works fine',
    // A longer name that only starts like the component is another component.
    'my-kube-ovn-cni-wrapper 0/1 CrashLoopBackOff',
    'kube-ovn-controller is running, the app pod is not',
  ])('not: %s', (text) => {
    expect(matches(text)).toEqual([]);
  });
});

describe('signalledRepairFactor', () => {
  const hits = [
    { docPath: OVS, matched: ['kube-ovn-cni crashloopbackoff'] },
    { docPath: 'dns/coredns.md', matched: ['CoreDNS'] },
  ];
  const signalsOf = (docPath: string) => (docPath === OVS ? SIGNALS : []);

  it('lifts only a doc matched by one of its signals, when no path is reported broken', () => {
    expect(signalledDocs({ hits, signalsOf })).toEqual(new Set([OVS]));
    const factor = signalledRepairFactor({ brokenPath: false, hits, signalsOf, factor: 1.3 });
    expect(factor?.(OVS)).toBe(1.3);
    expect(factor?.('dns/coredns.md')).toBe(1);
    expect(factor?.('kube-ovn/join-network-pod-to-node.md')).toBe(1);
  });

  it('leaves a broken-path report, a report matching no signal and a neutral factor alone', () => {
    expect(signalledRepairFactor({ brokenPath: true, hits, signalsOf, factor: 1.3 })).toBeNull();
    expect(
      signalledRepairFactor({ brokenPath: false, hits: hits.slice(1), signalsOf, factor: 1.3 }),
    ).toBeNull();
    expect(signalledRepairFactor({ brokenPath: false, hits, signalsOf, factor: 1 })).toBeNull();
  });
});

describe('a report of a crash-looping Kube-OVN component, on the bundled KB', () => {
  let searcher: KbSearcher;
  beforeAll(() => {
    ({ searcher } = bundledSearchers({}));
  });

  it.each([
    'kube-ovn容器一直处于 CrashLoopBackOff状态。我部署了kube-ovn，对应的pod老是处于CrashLoopBackOff的情况：kube-system coredns-6bf96d48f4-jdvnf 1/1 Running 0 4d11h；kube-ovn-cni-hrcf9 0/1 CrashLoopBackOff 12 3d19h；kube-ovn-cni-n6wtb 0/1 Running 13 3d19h；kube-ovn-controller-54645655c8-dk6qd 0/1 Running 6 3d19h；kube-ovn-pinger-f26n7 1/1 Running',
    'Cluster not coming back up after master node reboot. k get nodes: node0001 Ready control-plane; node0003 NotReady control-plane. k get pods -A | grep ovn: kube-system kube-ovn-cni-8qjsp 1/1 Running; kube-ovn-cni-kppd4 0/1 Running 6; kube-ovn-controller-576c9f9799-46vgs 0/1 CrashLoopBackOff; kube-ovn-controller-576c9f9799-5v65x 0/1 CrashLoopBackOff.',
  ])('cites the OVS runbook that repairs it first: %s', async (report) => {
    const { hits } = await searcher.search(report);
    expect(hits[0]?.doc.path).toBe(OVS);
  });

  it('leaves a report whose path is broken with its path runbook', async () => {
    const { hits } = await searcher.search(
      'kube-ovn 跨节点 pod 不通，ping 超时；kube-ovn-cni-hrcf9 0/1 CrashLoopBackOff 12 3d19h',
    );
    expect(hits[0]?.doc.path).not.toBe(OVS);
  });
});
