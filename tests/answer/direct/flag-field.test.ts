import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { fieldsOfFlags } from '../../../src/answer/direct/flag-field.js';
import { directAnswer } from '../../../src/answer/direct/pick-line.js';
import { buildFixtureIndex, type FixtureIndex } from '../fixture-index.js';

describe('a flag the question writes is the field it sets', () => {
  it.each([
    [
      'Environment="KUBELET_DNS_ARGS=--cluster-dns=10.12.0.10 --cluster-domain=cluster.local"',
      'cluster-dns',
      'clusterdns',
    ],
    ['kube-proxy runs with --masquerade-all', 'masquerade-all', 'masqueradeall'],
    ['--Cluster-CIDR=10.244.0.0/16 在 kube-proxy 里', 'cluster-cidr', 'clustercidr'],
  ])('reads %s', (question, flag, field) => {
    expect(fieldsOfFlags(question).get(flag)).toBe(field);
  });

  it.each([
    // A component spelt in kebab case, a one-word flag, a name inside another.
    'Is deploying this config map the correct way to set core-dns upstream to 8.8.8.8?',
    'kubectl logs --v 6',
    'the kube-proxy-config map',
    'kubelet flag cluster-dns',
  ])('reads no flag: %s', (question) => {
    expect(fieldsOfFlags(question).size).toBe(0);
  });
});

const KB = path.resolve(import.meta.dirname, '../../../kb');

describe('the line naming the field of a pasted flag', () => {
  // The real runbooks and their glossary: the CrashLoop row shares more of the report's words through it.
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await buildFixtureIndex(KB);
  });
  afterAll(() => own.cleanup());

  function answer(question: string): string {
    const doc = own.searcher.doc('dns/coredns.md');
    if (!doc) throw new Error('doc missing');
    const ask = factAsk(question);
    if (!ask) throw new Error(`not read as a fact question: ${question}`);
    return directAnswer(question, [doc], ask, own.searcher.concepts)?.quote ?? '';
  }

  it('answers the address of a pasted --cluster-dns with the clusterDNS line', () => {
    const question =
      'kubernetes 1.4.+ kube-dns and kubeadm.conf. `kubectl get svc --namespace=kube-system`: kube-dns 10.0.0.10 53/UDP,53/TCP. kubeadm.conf: Environment="KUBELET_DNS_ARGS=--cluster-dns=10.12.0.10 --cluster-domain=cluster.local". svc cluster ip = 10.0.0.10, kubeadm.conf cluster-dns = 10.12.0.10. Which address must kubelet\'s cluster-dns be set to?';
    expect(answer(question)).toContain('`clusterDNS` 必须是这个地址');
  });

  it('keeps a misspelt component name from matching every CoreDNS line', () => {
    const question =
      'Is deploying this config map the correct way to set core-dns upstream to 8.8.8.8? ```.:53 { errors health kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure upstream 8.8.8.8 } prometheus :9153 proxy . /etc/resolv.conf cache 30 }```';
    expect(answer(question)).not.toContain('CrashLoopBackOff');
  });
});
