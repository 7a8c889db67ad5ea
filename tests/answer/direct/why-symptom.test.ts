import { describe, expect, it } from 'vitest';
import { describesSymptom, joinedTimeout, symptomCell } from '../../../src/answer/direct/why-symptom.js';
import { variantsOf } from '../../../src/answer/direct/words.js';
import { termsRead, termsWithConcepts } from '../../../src/answer/rank-rows.js';

const HEADER = '| 症状 | 可能原因 | 诊断命令 | 解决方案 |';

/** Whether the why clause `why` is about the symptom of a troubleshooting row whose first cell is `cell`. */
function describes(why: string, cell: string): boolean {
  const clause = joinedTimeout(why);
  return describesSymptom(clause, termsRead(clause), cell, termsWithConcepts(cell, undefined), variantsOf);
}

describe('symptomCell', () => {
  it('reads the first cell of a troubleshooting row', () => {
    expect(
      symptomCell(
        HEADER,
        '| EXTERNAL-IP 一直 pending | 没有云控制器 / MetalLB，或地址池耗尽 | `kubectl describe svc <service-name>` | 部署 MetalLB |',
      ),
    ).toBe('EXTERNAL-IP 一直 pending');
    expect(symptomCell('| Symptom | Cause | Check |', '| DNS times out | no endpoints | `dig` |')).toBe(
      'DNS times out',
    );
  });

  it('reads no cell of another table', () => {
    expect(symptomCell('| 封装 | 开销 | MTU |', '| IPIP | 20 字节 | 1480 |')).toBeNull();
  });
});

describe('describesSymptom', () => {
  it('matches a why clause to the row saying the same symptom, across languages', () => {
    expect(describes('Why does the EXTERNAL-IP stay pending', 'EXTERNAL-IP 一直 pending')).toBe(true);
    expect(
      describes(
        'Why does a pod time out when it calls its own Service',
        'Pod 通过自己的 Service 访问自己超时',
      ),
    ).toBe(true);
    expect(describes('Why do DNS lookups from a pod stall for exactly 5 seconds', '解析偶发延迟 5 秒')).toBe(
      true,
    );
    expect(
      describes('为什么 Pod 通过自己的 Service 访问自己会超时', 'Pod 通过自己的 Service 访问自己超时'),
    ).toBe(true);
  });

  it('does not match a row sharing a word or two, nor one word counted in both languages', () => {
    // "DNS lookups" both translate to 解析: one word of the cell, not two.
    expect(
      describes(
        'Why do DNS lookups from a pod stall for exactly 5 seconds',
        'hostNetwork Pod 解析不了 `*.svc.cluster.local`',
      ),
    ).toBe(false);
    expect(
      describes(
        'Why do DNS lookups from a pod stall for exactly 5 seconds',
        '所有 Pod 解析超时 `i/o timeout`',
      ),
    ).toBe(false);
    expect(describes('Why does the third pod not start', 'EXTERNAL-IP 一直 pending')).toBe(false);
    expect(describes('为什么 CoreDNS 一直重启', 'Pod 通过自己的 Service 访问自己超时')).toBe(false);
  });

  it('reads a Chinese clause as words, not as its overlapping character pairs', () => {
    // 解析会偶发 is five pairs of characters but two words: counted as pairs, the clause's share of the row's words
    // falls under half.
    expect(describes('为什么 Pod 里的 DNS 解析会偶发 5 秒延时', '解析偶发延迟 5 秒')).toBe(true);
    expect(
      describes('为什么 Pod 里的 DNS 解析会偶发 5 秒延时', 'hostNetwork Pod 解析不了 `*.svc.cluster.local`'),
    ).toBe(false);
    expect(describes('为什么 Pod 里的 DNS 解析会失败', '所有 Pod 解析超时 `i/o timeout`')).toBe(false);
    expect(describes('为什么 CoreDNS 的 Pod 一直重启', 'Pod 通过自己的 Service 访问自己超时')).toBe(false);
  });

  it('reads "time out" as the one word a runbook writes', () => {
    expect(joinedTimeout('the request timed out and then times out')).toBe(
      'the request timeout and then timeout',
    );
  });
});
