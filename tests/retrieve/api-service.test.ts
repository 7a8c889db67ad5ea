/**
 * A report whose log shows the API server's Service address failing (`dial tcp 10.96.0.1:443: i/o timeout`) is
 * about the ClusterIP hop, whatever component logged it: the query also asks about ClusterIP and kube-proxy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/document.js';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { analyzeQuery, apiServiceSymptom, type QueryVocabulary } from '../../src/retrieve/query.js';
import { KbSearcher } from '../../src/retrieve/searcher.js';
import { tokenize } from '../../src/retrieve/tokenize.js';

describe('apiServiceSymptom: the kubernetes Service address failing in a report', () => {
  it.each([
    'coredns pod crashes: Failed to list *v1.Namespace: Get https://10.96.0.1:443/api/v1/namespaces: dial tcp 10.96.0.1:443: i/o timeout',
    'calico-kube-controllers 日志报错 dial tcp 10.233.0.1:443: connect: no route to host',
    'pods on the worker nodes cannot reach 10.43.0.1:443',
    'metrics-server 连不上 172.20.0.1:443，一直超时',
  ])('%s', (text) => {
    expect(apiServiceSymptom(normalizeText(text))).toBe(true);
  });

  it.each([
    // A pod's environment lists the Service; nothing says it fails.
    'env of the pod: KUBERNETES_PORT=tcp://10.43.0.1:443; KUBERNETES_SERVICE_HOST=10.43.0.1',
    // Other addresses and ports: the DNS Service, the API server on a node, a dashboard port.
    'nslookup kubernetes.default times out: dial udp 10.96.0.10:53: i/o timeout',
    'pod 访问 192.168.1.10:6443 超时',
    'curl https://10.244.0.1:8443 from the node hangs',
    'the pod gets 110.96.0.1:4430 refused',
  ])('not: %s', (text) => {
    expect(apiServiceSymptom(normalizeText(text))).toBe(false);
  });
});

describe('analyzeQuery: the Service address adds ClusterIP and kube-proxy to what is asked', () => {
  const known = new Set([
    'clusterip',
    'kube-proxy',
    'kube',
    'proxy',
    'coredns',
    'crashloopbackoff',
    'timeout',
  ]);
  const vocabulary: QueryVocabulary = {
    tokenize,
    has: (token) => known.has(token),
    alternativesOf: () => [],
  };
  const terms = (text: string, pasted = '') =>
    analyzeQuery(normalizeText(text), vocabulary, RETRIEVAL_CONFIG, pasted ? normalizeText(pasted) : '')
      .terms;

  it('in the question itself', () => {
    const asked = terms('coredns CrashLoopBackOff: dial tcp 10.96.0.1:443: i/o timeout');
    expect(asked.get('clusterip')).toBe(1);
    expect(asked.get('kube-proxy')).toBe(1);
  });

  it('in the pasted log only', () => {
    const asked = terms(
      'coredns CrashLoopBackOff',
      'E1012 reflector.go: Get https://10.96.0.1:443/api/v1/services: timeout',
    );
    expect(asked.has('clusterip')).toBe(true);
  });

  it('not without the address', () => {
    const asked = terms('coredns CrashLoopBackOff: dial udp 10.96.0.10:53: i/o timeout');
    expect(asked.has('clusterip')).toBe(false);
    expect(asked.has('kube-proxy')).toBe(false);
  });
});

describe('routing: the failing Service hop, not the component that logs it', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const KB = path.resolve(here, '../../kb');
  const disabled = { enabled: false as const, reason: 'test' };
  let searcher: KbSearcher;
  beforeAll(() => {
    const files = readdirSync(KB, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.md') && file.includes('/'),
    );
    const docs = files.map((file) => parseDocument(file, readFileSync(path.join(KB, file), 'utf8')));
    const { entries } = parseGlossary('glossary.yaml', readFileSync(path.join(KB, 'glossary.yaml'), 'utf8'));
    searcher = new KbSearcher({ docs, glossary: entries, vector: null, vectorStatus: disabled });
  });
  const SERVICE_DOCS = ['service/kube-proxy-iptables-ipvs.md', 'service/clusterip-troubleshooting.md'];

  it.each([
    'Pods on the worker cannot reach the apiserver after a fresh install with flannel. The dashboard pod log: panic: Get https://10.96.0.1:443/api/v1/namespaces/kube-system/secrets: dial tcp 10.96.0.1:443: connect: no route to host',
    'calico-kube-controllers 一直重启，日志里 Get https://10.233.0.1:443/apis/crd.projectcalico.org/v1/clusterinformations/default: dial tcp 10.233.0.1:443: i/o timeout',
  ])('%s', async (question) => {
    const result = await searcher.search(question);
    expect(SERVICE_DOCS).toContain(result.hits[0]?.doc.path);
  });
});
