/**
 * A report whose UDP traffic or DNS lookups keep failing after the pods or Service behind them were restarted,
 * recreated or terminated describes a stale conntrack entry: the conntrack runbook joins the trigger hits, though the
 * report never says "conntrack" (src/retrieve/stale-flow.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import { describesStaleFlow, staleFlowDocs } from '../../src/retrieve/stale-flow.js';
import { bundledSearchers } from './bundled-kb.js';

describe('describesStaleFlow', () => {
  it.each([
    'UDP packets to the syslog service get stuck and never reach the new pod after the backend pod restarts',
    'After the coredns pods were recreated, some clients keep failing dns lookups for minutes',
    'Recreating the service interrupts a UDP data flow with a fixed source port',
    'kube-dns pods get traffic after they are terminated during a rolling update of kube-dns, DNS lookups fail',
    '后端 Pod 重启后，客户端发往 Service 的 UDP 包一直不通',
    '重建 Service 后 UDP 流中断，源端口固定',
  ])('%s', (text) => {
    expect(describesStaleFlow(text)).toBe(true);
  });

  it.each([
    // No connectionless flow: a TCP service after a restart is the endpoints' matter.
    'After the backend pods restarted, curl to the service times out',
    // The restart is a kubectl flag, a listing column, or of something else.
    'kubectl run test --image=busybox --restart=Never -- nslookup kubernetes.default fails',
    'NAME READY STATUS RESTARTS AGE coredns-5d78c9869d-abcde 1/1 Running 0 5m; nslookup kubernetes fails',
    'I restarted my computer, the changes in coredns did not help, udp lookups time out',
    // An overlay's own UDP port, and a node (not a backend) restarting.
    'flannel uses udp port 8472, after restarting the node pods cannot reach each other',
    // The restart is the fix.
    'restarting the coredns pods fixes the dns lookup failures for a while',
    '重启 coredns 容器后域名解析恢复正常',
  ])('not: %s', (text) => {
    expect(describesStaleFlow(text)).toBe(false);
  });
});

describe('staleFlowDocs', () => {
  const report = 'UDP flow stuck after the server pod was recreated';

  it('gives the conntrack runbooks the score', () => {
    expect(staleFlowDocs(report, ['diagnostics/conntrack.md'], 1)).toEqual([
      { docPath: 'diagnostics/conntrack.md', score: 1 },
    ]);
  });

  it('gives nothing for another report or a zero score', () => {
    expect(staleFlowDocs('UDP port 53 is blocked by the firewall', ['diagnostics/conntrack.md'], 1)).toEqual(
      [],
    );
    expect(staleFlowDocs(report, ['diagnostics/conntrack.md'], 0)).toEqual([]);
  });
});

describe('a UDP flow left stale by a restarted backend pod', () => {
  let searcher: KbSearcher;
  let neutral: KbSearcher;
  beforeAll(() => {
    ({ searcher, neutral } = bundledSearchers({ staleFlow: 0 }));
  });

  const report =
    'UDP traffic from pod-A to service-B never reaches the new pod after pod-B restarts; the client keeps sending from the same source port.';

  it('cites the conntrack runbook first instead of the ClusterIP one', async () => {
    const before = await neutral.search(report);
    expect(before.hits[0]?.doc.path).not.toBe('diagnostics/conntrack.md');
    const { hits } = await searcher.search(report);
    expect(hits[0]?.doc.path).toBe('diagnostics/conntrack.md');
  });

  it('leaves a TCP report after a restart to the Service runbooks', async () => {
    const { hits } = await searcher.search('After pod-B restarts, curl to service-B times out from pod-A.');
    expect(hits[0]?.doc.path).not.toBe('diagnostics/conntrack.md');
  });
});
