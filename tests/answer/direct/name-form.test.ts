import { describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import {
  hasKindWords,
  KIND_BIT,
  KINDS,
  kindMask,
  VALUE_PATTERNS,
  valueText,
} from '../../../src/answer/direct/value-shapes.js';

describe('a name asked by its form', () => {
  it.each([
    'What is the full DNS name of a pod behind a headless Service?',
    'Which full domain name should a pod use to reach the kubernetes API?',
    'What is the FQDN of the service?',
    'Which hostname does a StatefulSet pod get?',
    '集群内访问 kubernetes API 的服务完整域名应该是什么形式？',
    'StatefulSet 的 Pod 域名是什么？',
  ])('asks a name: %s', (question) => {
    expect(factAsk(question)?.kinds).toContain('name');
  });

  it.each([
    'Pods can not resolve hostnames, what could cause this?',
    'DNS name resolution fails from pods on the worker node',
    'Coredns cannot resolve node hostname',
    '域名解析失败，请问是什么原因？',
  ])('asks no name: %s', (question) => {
    expect(factAsk(question)?.kinds ?? []).not.toContain('name');
  });

  it('asks the name, not an address, when both words are there', () => {
    expect(factAsk('What is the full DNS name or address of the pod?')?.kinds).not.toContain('addr');
  });
});

describe('a line giving a cluster DNS name', () => {
  const states = (line: string) => VALUE_PATTERNS.name.test(valueText('name', line));

  it.each([
    '- StatefulSet：每个 Pod 获得稳定域名 `web-0.nginx.default.svc.cluster.local`，数据库主从依赖它做成员发现。',
    '| Pod A 记录 | `web-0.nginx.default.svc.cluster.local` | 该 Pod IP |',
    'Name:   kubernetes.default.svc.cluster.local',
    'A Service gets the name `<service>.<namespace>.svc` in cluster DNS.',
  ])('states a name: %s', (line) => {
    expect(states(line)).toBe(true);
  });

  it.each([
    'search default.svc.cluster.local svc.cluster.local cluster.local',
    'hostNetwork Pod 解析不了 `*.svc.cluster.local`',
    '`kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default.svc.cluster.local`',
    'The pod resolves names through CoreDNS at 10.96.0.10.',
  ])('states none: %s', (line) => {
    expect(states(line)).toBe(false);
  });
});

describe('the name kind among the others', () => {
  it('has a bit of its own below the tested shift', () => {
    expect(KINDS).toContain('name');
    const others = KINDS.filter((kind) => kind !== 'name').reduce((mask, kind) => mask | KIND_BIT[kind], 0);
    expect(KIND_BIT.name & others).toBe(0);
    expect(hasKindWords('fqdn', kindMask(['name']))).toBe(true);
    expect(hasKindWords('fqdn', kindMask(['addr', 'port']))).toBe(false);
  });
});
