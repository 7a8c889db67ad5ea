/**
 * The bundled glossary's BGP speakers: MetalLB's speaker and Calico's BIRD both run BGP sessions, and a report about
 * one is not about the other (real report wording, English and Chinese).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/document.js';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { analyzeQuery } from '../../src/retrieve/query.js';
import { buildScopeTable, scopeMatch } from '../../src/retrieve/scope.js';
import { tokenize } from '../../src/retrieve/tokenize.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KB = path.resolve(here, '../../kb');
const CALICO = 'calico/bgp-ipip.md';
const METALLB = 'service/nodeport-loadbalancer.md';
const docs = [CALICO, METALLB].map((file) => parseDocument(file, readFileSync(path.join(KB, file), 'utf8')));
const { entries } = parseGlossary('glossary.yaml', readFileSync(path.join(KB, 'glossary.yaml'), 'utf8'));
const glossary = compileGlossary(entries);
const table = buildScopeTable(docs, glossary);
const scope = (question: string) => scopeMatch(table, glossary.groupsIn(normalizeText(question)), glossary);

describe('BGP speakers in the bundled glossary', () => {
  it('ranks the Calico BGP runbook lower for a MetalLB BGP report, and the MetalLB runbook up', () => {
    for (const report of [
      'When metallb finds that its BGP peer is in Administrative Shutdown, it loops: BGP session established, then closing session',
      'metallb speaker 日志一直报 BGP notification，bgp 邻居建立后马上断开',
    ]) {
      expect(scope(report)?.(CALICO)).toBe(-1);
      expect(scope(report)?.(METALLB)).toBe(1);
    }
  });

  it('ranks the MetalLB runbook lower for a report about BIRD, the Calico BGP daemon', () => {
    for (const report of [
      'calico/node is not ready: BIRD is not ready: BGP not established with 10.0.0.2',
      'bird 日志里 bgp 邻居一直是 Connect 状态，节点之间路由没有学到',
    ]) {
      expect(scope(report)?.(METALLB)).toBe(-1);
      expect(scope(report)?.(CALICO)).toBeGreaterThan(0);
    }
  });

  it('leaves both alone for a BGP question that names neither', () => {
    expect(scope('bgp peer 一直建不起来')).toBeNull();
  });

  it('does not read a report where MetalLB works as one about BIRD (a speaker that works says nothing of the others)', () => {
    const vocabulary = {
      tokenize: (text: string) => tokenize(text, { glossary }),
      has: () => true,
      alternativesOf: (token: string) => glossary.alternativesOf(token),
    };
    const [bird] = glossary.groupsIn('bird');
    for (const report of [
      'MetalLB assigns the external IP fine, but the NodePort times out from outside',
      'metallb 分配 vip 正常，但是从集群外访问 nodeport 超时',
    ]) {
      const query = analyzeQuery(normalizeText(report), vocabulary, RETRIEVAL_CONFIG);
      expect(query.working).not.toBe('');
      expect(query.terms.has(bird ?? 'bird')).toBe(false);
    }
  });
});
