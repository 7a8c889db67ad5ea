import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { directAnswer, turnsOnOtherMode } from '../../../src/answer/direct/pick-line.js';
import { buildFixtureIndex, type FixtureIndex } from '../fixture-index.js';

describe('turnsOnOtherMode: a line that switches to a mode the asker did not name', () => {
  it('finds a mode turned on that the clause does not name', () => {
    expect(
      turnsOnOtherMode(
        `calicoctl patch ippool default-ipv4-ippool -p '{"spec":{"ipipMode":"Never","vxlanMode":"Always"}}'`,
        '要不走 IPIP，IPPool 应该怎么设置',
      ),
    ).toBe(true);
    expect(
      turnsOnOtherMode('| VXLAN | `vxlanMode: Always` 或 `CrossSubnet` |', 'how do I turn IPIP off'),
    ).toBe(true);
  });

  it('leaves modes turned off, and the mode the clause names', () => {
    expect(
      turnsOnOtherMode(
        '| 纯 BGP（无封装） | `ipipMode: Never`、`vxlanMode: Never` |',
        '要不走 IPIP，IPPool 应该怎么设置',
      ),
    ).toBe(false);
    expect(
      turnsOnOtherMode(
        `calicoctl patch ippool default-ipv4-ippool -p '{"spec":{"ipipMode":"Never","vxlanMode":"Always"}}'`,
        'How do I disable IPIP and use VXLAN instead',
      ),
    ).toBe(false);
    expect(turnsOnOtherMode('节点间 BGP TCP 179', '不走 IPIP')).toBe(false);
  });
});

const KB = path.resolve(import.meta.dirname, '../../../kb');

describe('turning a mode off: the line that sets it off alone, not the command that switches to another mode', () => {
  // The real runbooks and their glossary: the command's comment ("同时关闭 IPIP") shares the asking words through it.
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await buildFixtureIndex(KB);
  });
  afterAll(() => own.cleanup());

  function quote(question: string): string {
    const doc = own.searcher.doc('calico/bgp-ipip.md');
    if (!doc) throw new Error('doc missing');
    const ask = factAsk(question);
    if (!ask) throw new Error(`not read as a fact question: ${question}`);
    return directAnswer(question, [doc], ask, own.searcher.concepts)?.quote ?? '';
  }

  it('quotes the row that turns IPIP off without turning VXLAN on', () => {
    // A real report (calico, CALICO_IPV4POOL_IPIP=off and still tunl0 routes): route output shortened.
    expect(
      quote(
        '安装calico插件，指定CALICO_IPV4POOL_IPIP=off，还是走IPIP模式？ #route -n 172.20.58.192 192.168.2.248 255.255.255.192 UG 0 0 0 tunl0 172.20.85.192 192.168.2.247 255.255.255.192 UG 0 0 0 tunl0 求解，多谢！要不走 IPIP，IPPool 应该怎么设置？',
      ),
    ).toContain('`ipipMode: Never`、`vxlanMode: Never`');
    expect(
      quote(
        'We set CALICO_IPV4POOL_IPIP=off but routes still go via tunl0 and calicoctl shows IPIP on the ippool. How should I set the IPPool to disable IPIP?',
      ),
    ).toContain('`ipipMode: Never`、`vxlanMode: Never`');
  });
});
