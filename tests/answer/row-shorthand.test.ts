import { describe, expect, it } from 'vitest';
import { fullFormOf, spelledOut } from '../../src/answer/row-shorthand.js';
import type { CommandRecord, DocRecord } from '../../src/core/types.js';
import { runbook, sectionChecks } from './runbook-checks.js';

const record = (doc: DocRecord, command: string): CommandRecord => {
  const found = doc.commands.find((c) => c.command === command);
  if (!found) throw new Error(`${doc.path} has no command ${command}`);
  return found;
};

describe('fullFormOf', () => {
  const clusterIp = runbook('service/clusterip-troubleshooting.md');
  const shorthand = 'kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name>';
  const full = `${shorthand} -o wide`;

  it('gives the diagnostics section’s form of a check a troubleshooting row names by its shorthand', () => {
    expect(fullFormOf(record(clusterIp, shorthand), clusterIp)?.command).toBe(full);
    const hostNetwork = runbook('host-network/hostnetwork-pods.md');
    const describePod = record(hostNetwork, 'kubectl describe pod <pod> -n <namespace>');
    expect(fullFormOf(describePod, hostNetwork)?.command).toBe(
      'kubectl describe pod <pod> -n <namespace> | grep -A5 Events',
    );
  });

  it('leaves a check written in a code block, and one no longer form exists of, as it is', () => {
    expect(fullFormOf(record(clusterIp, full), clusterIp)).toBeUndefined();
    const describeSlices =
      'kubectl describe endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name>';
    expect(fullFormOf(record(clusterIp, describeSlices), clusterIp)).toBeUndefined();
    // Another runbook's record is not this runbook's shorthand.
    expect(fullFormOf(record(clusterIp, shorthand), runbook('dns/coredns.md'))).toBeUndefined();
  });
});

describe('spelledOut', () => {
  const clusterIp = runbook('service/clusterip-troubleshooting.md');
  const shorthand = 'kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name>';

  it('shows the full form once when the shorthand and the full form are both picked', () => {
    const picks = [record(clusterIp, shorthand), record(clusterIp, `${shorthand} -o wide`)];
    expect(spelledOut(picks, [clusterIp]).map((c) => c.command)).toEqual([`${shorthand} -o wide`]);
  });

  it('shows the endpoints check of a refused Service connection in the form to run', () => {
    const en =
      "Redash won't start up: connecting to redash-redis-master:6379. Error 111 connecting to redash-redis-master:6379. Connection refused.";
    const zh = '应用启动时连接 redis-master:6379 报 connection refused，Service 的 ClusterIP 也访问不通。';
    for (const question of [en, zh]) {
      const picked = sectionChecks(question, clusterIp, '常见问题');
      const records = picked.map((command) => record(clusterIp, command));
      const shown = spelledOut(records, [clusterIp]).map((c) => c.command);
      expect(shown).toContain(`${shorthand} -o wide`);
      expect(shown).not.toContain(shorthand);
    }
  });

  it('changes nothing in a DNS answer whose checks are all written in full', () => {
    const coredns = runbook('dns/coredns.md');
    const en = 'nslookup kubernetes.default times out from every pod; the CoreDNS pods are Running.';
    const zh = '所有 pod 里 nslookup kubernetes.default 都超时，coredns pod 是 Running 的。';
    for (const question of [en, zh]) {
      const records = sectionChecks(question, coredns, '概述').map((command) => record(coredns, command));
      expect(spelledOut(records, [coredns])).toEqual(records);
    }
  });
});
