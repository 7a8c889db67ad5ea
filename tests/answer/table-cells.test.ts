import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import { tableCellsSpaced } from '../../src/answer/table-cells.js';

function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

const HEALTHY = [
  'NAME|READY|STATUS|RESTARTS|AGE|IP|NODE|NOMINATED NODE|READINESS GATES',
  'consul-consul-q787l|1/1|Running|0|23h|192.168.17.2|kube3.example.com|<none>|<none>',
  'consul-consul-server-0|1/1|Running|0|23h|192.168.17.3|kube3.example.com|<none>|<none>',
  'consul-consul-sr6t8|1/1|Running|0|23h|192.168.8.132|kube2.example.com|<none>|<none>',
].join('\n');

describe('tableCellsSpaced', () => {
  it('spaces the cells of table lines and keeps every offset', () => {
    const spaced = tableCellsSpaced(HEALTHY);
    expect(spaced).toHaveLength(HEALTHY.length);
    expect(spaced).toContain('consul-consul-q787l 1/1 Running 0 23h 192.168.17.2');
  });

  it('leaves a shell pipeline and prose alone', () => {
    const pipe = 'kubectl get pods -A | grep coredns 超时';
    expect(tableCellsSpaced(pipe)).toBe(pipe);
    expect(tableCellsSpaced('pod web-0 cannot reach db')).toBe('pod web-0 cannot reach db');
  });
});

describe('placeholder fills: a listing pasted as a Markdown table', () => {
  it('takes no pod from a table of healthy rows, English and Chinese', () => {
    expect(fills(`Consul clients outside the cluster cannot join:\n${HEALTHY}`).get('<pod>')).toBeUndefined();
    expect(fills(`集群外的 consul client 加入失败：\n${HEALTHY}`).get('<pod>')).toBeUndefined();
  });

  it('still takes the failing row’s pod', () => {
    const table = [
      '| NAME | READY | STATUS | RESTARTS | AGE |',
      '|---|---|---|---|---|',
      '| web-7d9f8b6c5d-x2x9z | 0/1 | CrashLoopBackOff | 12 | 1h |',
      '| db-5c8d7f9b4-k2l3m | 1/1 | Running | 0 | 1h |',
    ].join('\n');
    expect(fills(`web pod cannot reach db\n${table}`).get('<pod>')).toBe('web-7d9f8b6c5d-x2x9z');
    expect(fills(`web 访问 db 超时\n${table}`).get('<pod>')).toBe('web-7d9f8b6c5d-x2x9z');
  });
});
