import { describe, expect, it } from 'vitest';
import type { ChatBody } from '../../src/answer/types.js';
import {
  allowedFills,
  commandHit,
  computeAnswerMetrics,
  labelMatcher,
  offTopicCommands,
} from '../../src/eval/answer-metrics.js';

describe('allowedFills', () => {
  it('allows the labelled names, case-folded', () => {
    const allowed = allowedFills({ question: 'pod Web-0 cannot reach db', docs: ['a.md'], names: ['Web-0'] });
    expect(allowed.has('web-0')).toBe(true);
    expect(allowed.has('db')).toBe(false);
  });

  it('allows a number that ends a sentence ("--port=80.")', () => {
    const allowed = allowedFills({ question: 'kubectl expose pod n1 --port=80. It fails.', docs: ['a.md'] });
    expect(allowed.has('80')).toBe(true);
  });

  it('allows IPs and CIDRs whole, not their octets as numbers', () => {
    const allowed = allowedFills({ question: 'curl 10.96.0.10 from 10.16.0.0/16 fails', docs: ['a.md'] });
    expect(allowed.has('10.96.0.10')).toBe(true);
    expect(allowed.has('10.16.0.0/16')).toBe(true);
    expect(allowed.has('10')).toBe(false);
    expect(allowed.has('96')).toBe(false);
  });
});

describe('computeAnswerMetrics', () => {
  const body = (lexical: 'ok' | 'over_budget') =>
    ({
      abstained: false,
      citations: [{ path: 'a.md' }],
      commands: [],
      structured: { kind: 'answer' },
      retrievers: {
        trigger: { hits: 1, took_ms: 0, status: 'ok' },
        lexical: { hits: 0, took_ms: 0, status: lexical },
      },
    }) as unknown as ChatBody;

  it('counts the answers that ran out of their time budget', () => {
    const question = { question: 'pod cannot reach node', docs: ['a.md'] };
    const { metrics } = computeAnswerMetrics([
      { question, body: body('ok') },
      { question, body: body('over_budget') },
    ]);
    expect(metrics.over_budget).toBe(1);
    expect(metrics.first_cited_right).toBe(1);
  });
});

describe('labelMatcher', () => {
  it('matches a labelled placeholder against the value the answer filled in from the report', () => {
    // Report: "manager.go:149] Using interface with name eth0 ... Which UDP port does flannel vxlan use?"
    const matches = labelMatcher('tcpdump -i <iface> -nn udp port 8472');
    expect(matches('tcpdump -i eth0 -nn udp port 8472')).toBe(true);
    expect(matches('tcpdump -i <iface> -nn udp port 8472')).toBe(true);
    expect(matches('tcpdump -i eth0 -nn udp port 4789')).toBe(false);
    // A placeholder stands for one word, not for a stretch of the command.
    expect(matches('tcpdump -i eth0 -c 10 -nn udp port 8472')).toBe(false);
  });

  it('matches several filled placeholders, and a namespace the report named (静态 Pod 在 kube-system)', () => {
    const matches = labelMatcher("kubectl get pod <pod> -n <namespace> -o jsonpath='{.spec.hostNetwork}");
    expect(
      matches(`kubectl get pod <pod> -n kube-system -o jsonpath='{.spec.hostNetwork}{" "}{.spec.dnsPolicy}'`),
    ).toBe(true);
    expect(matches("kubectl get pod <pod> -n kube-system -o jsonpath='{.spec.dnsPolicy}'")).toBe(false);
  });

  it('keeps plain labels a folded substring match; regular-expression characters are literal', () => {
    expect(labelMatcher('IPTABLES  -S forward')('sudo iptables -S FORWARD | head')).toBe(true);
    expect(
      labelMatcher('curl -s http://<pod-ip>:9153/metrics')('curl -s http://10.244.1.5:9153/metrics'),
    ).toBe(true);
    expect(
      labelMatcher('curl -s http://<pod-ip>:9153/metrics')('curl -s http://10.244.1.5:9153xmetrics'),
    ).toBe(false);
  });
});

describe('commandHit and offTopicCommands', () => {
  const answer = (command: string, path: string) =>
    ({
      commands: [{ command, fills: [{ placeholder: '<iface>', value: 'eth0' }], source: { path, line: 1 } }],
    }) as unknown as ChatBody;
  const question = {
    question: 'Flannel vxlan cannot cross nodes; Using interface with name eth0. 跨节点 Pod 不通',
    docs: ['flannel/vxlan-host-gw.md'],
    commands: ['tcpdump -i <iface> -nn udp port 8472'],
  };

  it('counts a filled labelled check as a hit, and not as off-topic when another runbook gave it', () => {
    expect(
      commandHit(question, answer('tcpdump -i eth0 -nn udp port 8472', 'flannel/vxlan-host-gw.md')),
    ).toBe(true);
    expect(offTopicCommands(question, answer('tcpdump -i eth0 -nn udp port 8472', 'other.md'))).toEqual([]);
    expect(commandHit(question, answer('ip -d link show flannel.1', 'flannel/vxlan-host-gw.md'))).toBe(false);
    expect(offTopicCommands(question, answer('tcpdump -i eth0 -nn udp port 4789', 'other.md'))).toHaveLength(
      1,
    );
  });
});
