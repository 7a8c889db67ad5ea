import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { commandPlugin } from '../../src/answer/other-cni-runbook.js';
import {
  forReportCni,
  namedCniOverOtherTool,
  runsOtherPluginTool,
} from '../../src/answer/other-plugin-tool.js';
import { hitOn, ofDoc, runbook } from './runbook-checks.js';

const ovsFlows = runbook('diagnostics/ovs-flows.md');
const trace = runbook('diagnostics/kubectl-ko-trace.md');
const tcpdump = runbook('diagnostics/tcpdump-capture.md');
const flannel = runbook('flannel/vxlan-host-gw.md');
const ovnk = runbook('ovn-kubernetes/gateway-modes.md');
const coredns = runbook('dns/coredns.md');
const share = DEFAULT_COMPOSE_OPTIONS.otherDocShare;

describe('namedCniOverOtherTool', () => {
  it("leads with the named CNI's close runbook over another plugin's tool how-to", () => {
    // "go-controller - ovnkube node-init fails when -init-gateways true": the OVS flow runbook runs `kubectl ko`.
    const hits = [hitOn(ovsFlows, '概述'), hitOn(ovnk, '概述', 0.92)];
    expect(namedCniOverOtherTool(hits, 'ovn-kubernetes', ofDoc, share)).toBe(ovnk);
    // "flannel需要指定网卡正则表达式": `kubectl ko trace`'s how-to scored first.
    const traced = [hitOn(trace, '概述'), hitOn(flannel, '概述', 0.99)];
    expect(namedCniOverOtherTool(traced, 'flannel', ofDoc, share)).toBe(flannel);
  });

  it('keeps the lead when the named runbook is far below, the tool is the CNI’s own, or the top is no tool', () => {
    // "ovnkube-trace 怎么用": the how-to is what is asked; OVN-Kubernetes' runbook scores well below it.
    expect(
      namedCniOverOtherTool(
        [hitOn(trace, '概述'), hitOn(ovnk, '概述', 0.63)],
        'ovn-kubernetes',
        ofDoc,
        share,
      ),
    ).toBeNull();
    // A Kube-OVN report: `kubectl ko` is its own plugin's tool.
    expect(
      namedCniOverOtherTool(
        [hitOn(ovsFlows, '概述'), hitOn(flannel, '概述', 0.95)],
        'kube-ovn',
        ofDoc,
        share,
      ),
    ).toBeNull();
    // tcpdump's how-to runs no plugin's tool: it fits any cluster.
    expect(
      namedCniOverOtherTool([hitOn(tcpdump, '概述'), hitOn(flannel, '概述', 0.95)], 'flannel', ofDoc, share),
    ).toBeNull();
    // A runbook about no CNI and no tool leads (CoreDNS).
    expect(
      namedCniOverOtherTool([hitOn(coredns, '概述'), hitOn(flannel, '概述', 0.95)], 'flannel', ofDoc, share),
    ).toBeNull();
    // The named CNI has no runbook among the hits.
    expect(
      namedCniOverOtherTool([hitOn(ovsFlows, '概述'), hitOn(coredns, '概述', 0.95)], 'calico', ofDoc, share),
    ).toBeNull();
  });
});

describe('runsOtherPluginTool', () => {
  it("flags another plugin's own tool", () => {
    expect(commandPlugin('kubectl ko vsctl node-1 show')).toBe('kube-ovn');
    expect(runsOtherPluginTool('kubectl ko vsctl node-1 show', 'flannel')).toBe(true);
    expect(runsOtherPluginTool('calicoctl node status', 'cilium')).toBe(true);
    expect(
      runsOtherPluginTool('kubectl -n kube-system exec ds/cilium -- cilium-dbg status', 'kube-ovn'),
    ).toBe(true);
  });

  it("leaves the report's own plugin's tools, generic commands, and reports of no known CNI", () => {
    expect(runsOtherPluginTool('kubectl ko vsctl node-1 show', 'kube-ovn')).toBe(false);
    expect(runsOtherPluginTool('ip -d link show flannel.1', 'flannel')).toBe(false);
    expect(runsOtherPluginTool('iptables-save -t nat | grep KUBE-SVC', 'calico')).toBe(false);
    expect(runsOtherPluginTool('calicoctl node status', undefined)).toBe(false);
  });
});

describe('forReportCni', () => {
  const koCommand = (doc: typeof ovsFlows) => {
    const record = doc.commands.find((c) => c.command.startsWith('kubectl ko'));
    if (!record) throw new Error(`${doc.path} runs no kubectl ko`);
    return record;
  };
  const flannelCheck = flannel.commands[0];
  if (!flannelCheck) throw new Error('flannel runbook has no command');

  it("drops another plugin's tool from a runbook that does not lead", () => {
    // Flannel's runbook leads an answer the OVS flow how-to also contributed to.
    const kept = forReportCni([flannelCheck, koCommand(ovsFlows)], flannel, 'flannel');
    expect(kept).toEqual([flannelCheck]);
  });

  it("keeps the leading tool how-to's own commands, and all commands when no CNI is known", () => {
    // "ovnkube-trace 怎么用": `kubectl ko trace` is shown beside `ovnkube-trace` in the how-to asked about.
    expect(forReportCni([koCommand(trace)], trace, 'ovn-kubernetes')).toHaveLength(1);
    // The leading how-to's own commands only: another tool how-to's `kubectl ko` is still dropped.
    expect(forReportCni([koCommand(ovsFlows)], trace, 'ovn-kubernetes')).toHaveLength(0);
    expect(forReportCni([koCommand(ovsFlows)], flannel, undefined)).toHaveLength(1);
    expect(forReportCni([koCommand(ovsFlows)], flannel, 'kube-ovn')).toHaveLength(1);
  });
});
