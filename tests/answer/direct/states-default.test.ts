import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { directAnswer } from '../../../src/answer/direct/pick-line.js';
import { statesDefault } from '../../../src/answer/direct/states-default.js';
import { buildFixtureIndex, type FixtureIndex } from '../fixture-index.js';

describe('a line saying which value is the default', () => {
  it.each([
    '默认是全互联 node-to-node mesh',
    'kube-proxy defaults to iptables',
    'The default mode is iptables.',
    '- `iptables`（未配置 mode 时的默认值）：nat 表中的 KUBE-SERVICES → KUBE-SVC-XXXX → KUBE-SEP-XXXX 链',
    'iptables (the default) writes NAT chains',
  ])('states it: %s', (quote) => {
    expect(statesDefault(quote)).toBe(true);
  });

  it.each([
    // A default named in passing, beside another value.
    '外层 UDP 目的端口 **8472**（Linux 内核默认值，不是 IANA 的 4789）',
    '- **vxlan（默认、推荐）**：内核 VXLAN 设备 `flannel.1`',
    '默认 `blockSize: 26`',
    'change the default if you need more addresses',
  ])('does not: %s', (quote) => {
    expect(statesDefault(quote)).toBe(false);
  });
});

const KB = path.resolve(import.meta.dirname, '../../../kb');

describe('the default asked after a long comparison', () => {
  // The real runbooks and their glossary: the clusterCIDR row's grep for `mode:` shares the asking words.
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await buildFixtureIndex(KB);
  });
  afterAll(() => own.cleanup());

  it('quotes the mode labelled as the default', () => {
    const question =
      'kube-proxy mode IPVS & iptable 比较。kube-proxy 是 K8s 部署的关键组件，其主要角色是负责 Cluster IP 的负载，将流量负载到的正确的 Pod。kube-proxy 有两种实现模式：`IPVS`、`iptables`（default mode）。iptables 模式的弊端就是其检索复杂对是 O(n)，随着集群规模的扩大，效率会大福降低。IPVS 检索的复杂度是 O(1)。kube-proxy 没有配置 mode 时默认用哪种模式？';
    const doc = own.searcher.doc('service/kube-proxy-iptables-ipvs.md');
    if (!doc) throw new Error('doc missing');
    const ask = factAsk(question);
    if (!ask) throw new Error('not read as a fact question');
    expect(directAnswer(question, [doc], ask, own.searcher.concepts)?.quote ?? '').toContain(
      '未配置 mode 时的默认值',
    );
  });
});
