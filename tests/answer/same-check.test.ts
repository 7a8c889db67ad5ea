import { describe, expect, it } from 'vitest';
import { sameCheckOf } from '../../src/answer/commands.js';
import { runbook } from './runbook-checks.js';

describe('sameCheckOf', () => {
  const coredns = runbook('dns/coredns.md');
  const hostNetwork = runbook('host-network/hostnetwork-pods.md');
  const resolvConf = (doc: typeof coredns) =>
    doc.commands.find((c) => c.command === 'kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf');

  it('is the top runbook’s record of a command another runbook names word for word', () => {
    const other = resolvConf(hostNetwork);
    expect(other).toBeDefined();
    if (!other) return;
    expect(sameCheckOf(other, coredns)?.source.path).toBe('dns/coredns.md');
  });

  it('is nothing for the runbook’s own record or a command it does not hold', () => {
    const own = resolvConf(coredns);
    if (!own) throw new Error('coredns.md has no resolv.conf check');
    expect(sameCheckOf(own, coredns)).toBeUndefined();
    const hostOnly = hostNetwork.commands.find((c) => c.command.includes('spec.hostNetwork'));
    if (!hostOnly) throw new Error('hostnetwork-pods.md has no hostNetwork check');
    expect(sameCheckOf(hostOnly, coredns)).toBeUndefined();
  });
});
