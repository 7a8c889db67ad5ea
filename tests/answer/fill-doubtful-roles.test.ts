import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('placeholder fills: values whose role the report leaves in doubt stay open', () => {
  it('reads `node-ip`, `pod-ip`, `host-network` as a field or a setting, no object word', () => {
    const ping = 'ping6 service-name and ping6 node-ip do not work for dual-stack IPv6 address';
    expect(fills(ping).get('<node-name>')).toBeUndefined();
    const zh = '用 ping6 node-ip 不通，ipv4 正常';
    expect(fills(zh).get('<node-name>')).toBeUndefined();
    const pod = 'from the debug2 pod-ip is not reachable';
    expect(fills(pod).get('<pod>')).toBeUndefined();
    // The word alone still presents its object, whatever follows it.
    expect(fills('ping6 from node worker3 fails').get('<node-name>')).toBe('worker3');
    expect(fills('worker3 节点上 ping6 不通').get('<node-name>')).toBe('worker3');
    expect(fills('the web-0 pod cannot reach node-ip 10.0.0.5').get('<pod>')).toBe('web-0');
  });
});
