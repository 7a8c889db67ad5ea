import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import {
  namesSettingAsked,
  settingNamesAsked,
  statesAValue,
} from '../../../src/answer/direct/named-setting.js';
import { directAnswer } from '../../../src/answer/direct.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';

describe('settingNamesAsked', () => {
  it.each([
    ['what is the default nf_conntrack_max set by kube-proxy', ['nf_conntrack_max']],
    [
      'net.netfilter.nf_conntrack_tcp_timeout_established 默认是多少',
      ['nf_conntrack_tcp_timeout_established'],
    ],
    ['What is the default proxy-read-timeout of ingress-nginx', ['proxy-read-timeout']],
    ['--ipvs-tcp-timeout 的默认值是多少', ['ipvs-tcp-timeout']],
    ['What does kube-proxy set conntrack-max-per-core to', ['conntrack-max-per-core']],
  ])('reads the setting a report copies as written: %s', (focus, names) => {
    expect(settingNamesAsked(focus)).toEqual(names);
  });

  it.each([
    // Components and words are no settings: "kube-proxy", "kube-ovn-cni", "node-local", a plain question.
    'What mode does kube-proxy use by default',
    'kube-ovn-cni 默认监听哪个端口',
    'What is the default MTU of flannel.1',
    '默认的 Pod 网段是多少',
  ])('reads no setting in: %s', (focus) => {
    expect(settingNamesAsked(focus)).toEqual([]);
  });
});

describe('namesSettingAsked', () => {
  it('finds the name in a sysctl path, a flag or an annotation', () => {
    expect(
      namesSettingAsked('| `net.netfilter.nf_conntrack_max` | 表的最大条目数 | 最小 131072 |', [
        'nf_conntrack_max',
      ]),
    ).toBe(true);
    expect(namesSettingAsked('kube-proxy `--ipvs-tcp-timeout` 为 0 时沿用内核值', ['ipvs-tcp-timeout'])).toBe(
      true,
    );
  });

  it('does not find it inside a longer name', () => {
    expect(namesSettingAsked('`nf_conntrack_max_per_core` 32768', ['nf_conntrack_max'])).toBe(false);
    expect(namesSettingAsked('--ipvs-tcp-timeout-extra 5', ['ipvs-tcp-timeout'])).toBe(false);
  });
});

describe('statesAValue', () => {
  it('is a number or a default', () => {
    expect(statesAValue('UDP 单向超时 | 30')).toBe(true);
    expect(statesAValue('未配置 mode 时的默认值')).toBe(true);
    expect(statesAValue('It defaults to iptables')).toBe(true);
    expect(statesAValue('查看当前条目数')).toBe(false);
  });
});

describe('the line naming the setting asked answers a default ask', () => {
  const CONNTRACK = [
    '---',
    'triggers: [conntrack 表满]',
    'category: diagnostics',
    '---',
    '',
    '# conntrack',
    '',
    '## 原理',
    '',
    '条目在超时后删除：UDP 默认 30 秒，kube-proxy 把 TCP ESTABLISHED 超时设为 86400 秒。',
    '',
    '## 关键参数',
    '',
    '| 参数 / 文件 | 含义 | 典型值 |',
    '| --- | --- | --- |',
    '| `net.netfilter.nf_conntrack_max` | 表的最大条目数 | kube-proxy 按 `maxPerCore` 32768 × CPU 核数设置，最小 131072 |',
    '| `net.netfilter.nf_conntrack_udp_timeout` | UDP 单向超时 | 30 |',
    '',
    '```bash',
    '# 查看最大条目数',
    'sysctl net.netfilter.nf_conntrack_max',
    '```',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'diagnostics/conntrack.md': CONNTRACK });
  });
  afterAll(() => own.cleanup());
  const quote = (question: string) => {
    const doc = own.searcher.doc('diagnostics/conntrack.md');
    if (!doc) throw new Error('doc missing');
    const ask = factAsk(question);
    if (!ask) throw new Error(`not read as a fact question: ${question}`);
    return directAnswer(question, [doc], ask)?.quote ?? '';
  };

  it('quotes the row of the sysctl named, not the sentence saying 默认 about another', () => {
    expect(quote('What is the default nf_conntrack_max set by kube-proxy?')).toContain('最小 131072');
    expect(quote('nf_conntrack_max 默认是多少？')).toContain('最小 131072');
  });

  it('leaves a default ask naming no setting to the line saying 默认', () => {
    expect(quote('What is the default UDP conntrack timeout?')).toContain('UDP 默认 30 秒');
  });
});
