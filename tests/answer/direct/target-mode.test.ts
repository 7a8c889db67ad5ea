import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asksForMode, rowOfMode, setsToMode, targetModes } from '../../../src/answer/direct/target-mode.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

describe('the mode a clause asks to get to', () => {
  it.each([
    ['How can I create a cluster in rancher in BGP mode by calico', 'bgp'],
    ['How do I run calico in BGP mode?', 'bgp'],
    ['How do I switch calico to BGP mode', 'bgp'],
    ['how can I make kube-proxy use ipvs mode', 'ipvs'],
    ['怎么把 calico 改成 BGP 模式', 'bgp'],
    ['默认可以改成BGP吗', 'bgp'],
    ['flannel 怎么改成 host-gw 模式', 'host-gw'],
  ])('%s → %s', (clause, mode) => {
    expect(targetModes(clause)).toEqual([mode]);
    expect(asksForMode(clause)).toBe(true);
  });

  it.each([
    'the cluster runs just in IPIP mode',
    'How do I switch to the new node?',
    'MTU 改成 1450',
    'What mode does kube-proxy use by default?',
    '请问calico的模式IPIP和BGP可以改为可配置吗',
  ])('asks for no mode: %s', (clause) => {
    expect(asksForMode(clause)).toBe(false);
  });

  it('reads the mode moved to, not the one moved from, and no mode in a statement', () => {
    expect(targetModes('从 IPIP 改成纯 BGP')).toEqual(['bgp']);
    // A value changed to, asked of its cost: not asked how to get there.
    expect(asksForMode('externalTrafficPolicy 改成 Local 有什么缺点')).toBe(false);
  });
});

describe('the row of a mode', () => {
  const MODES = '| 模式 | IPPool 字段 | 隧道设备 / 协议 |';
  const SYMPTOMS = '| 症状 | 可能原因 | 诊断命令 | 解决方案 |';

  it('is the reference row whose first cell opens with the mode', () => {
    expect(rowOfMode(MODES, '| 纯 BGP（无封装） | `ipipMode: Never`、`vxlanMode: Never` | 无 |', 'bgp')).toBe(
      true,
    );
    expect(rowOfMode(MODES, '| IPIP | `ipipMode: Always` 或 `CrossSubnet` | `tunl0` |', 'ipip')).toBe(true);
    expect(rowOfMode(MODES, '| IPIP | `ipipMode: Always` 或 `CrossSubnet` | `tunl0` |', 'bgp')).toBe(false);
  });

  it('is no troubleshooting row, whose first cell is a symptom', () => {
    expect(
      rowOfMode(
        SYMPTOMS,
        '| BGP 邻居地址是 docker0/虚拟网卡地址 | 选错网卡 | `calicoctl get nodes` | … |',
        'bgp',
      ),
    ).toBe(false);
  });
});

describe('a line setting the mode', () => {
  it('assigns the mode as a value', () => {
    expect(setsToMode('mode: "ipvs"', 'ipvs')).toBe(true);
    expect(setsToMode('"Backend": {"Type": "host-gw"}', 'host-gw')).toBe(true);
    expect(setsToMode('kube-proxy --proxy-mode=ipvs', 'ipvs')).toBe(true);
  });

  it('does not set a mode it only names, nor another one', () => {
    expect(setsToMode('MetalLB L2 模式在 IPVS 模式的 kube-proxy 下必须开启 `strictARP: true`', 'ipvs')).toBe(
      false,
    );
    expect(setsToMode('"Backend": {"Type": "vxlan"}', 'host-gw')).toBe(false);
  });
});

/** A runbook with a table of modes and a troubleshooting table, as the Calico one has. */
const CALICO = [
  '---',
  'triggers: [calico bgp]',
  'category: calico',
  '---',
  '',
  '# Calico BGP 与 IPIP',
  '',
  '## 概述',
  '',
  '| 模式 | IPPool 字段 | 隧道设备 / 协议 | 远端路由由谁写 |',
  '| --- | --- | --- | --- |',
  '| 纯 BGP（无封装） | `ipipMode: Never`、`vxlanMode: Never` | 无，直接走物理网卡 | BIRD，节点间 BGP TCP 179 |',
  '| IPIP | `ipipMode: Always` 或 `CrossSubnet` | `tunl0`，IP 协议号 4 | BIRD（`proto bird`） |',
  '| VXLAN | `vxlanMode: Always` 或 `CrossSubnet` | `vxlan.calico`，UDP 4789 | Felix（默认不需要 BGP） |',
  '',
  '节点 IP 由 IP 自动探测（`IP_AUTODETECTION_METHOD`，默认 `first-found`）决定，它同时决定 BGP 的源地址和隧道外层地址。',
  '',
  '## 常见问题',
  '',
  '| 症状 | 可能原因 | 诊断命令 | 解决方案 |',
  '| --- | --- | --- | --- |',
  '| BGP 邻居地址是 docker0/虚拟网卡地址 | IP 自动探测 `first-found` 选错网卡 | `calicoctl get nodes -o wide` | 设置 `IP_AUTODETECTION_METHOD=interface=eth0` |',
  '',
].join('\n');

describe('how to get to a mode: the row of that mode', () => {
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'calico/bgp-ipip.md': CALICO });
  });
  afterAll(() => own.cleanup());

  it.each([
    '请问calico的模式IPIP和BGP可以改为可配置吗？ 默认可以改成BGP吗？',
    '怎么把 calico 改成 BGP 模式？',
    'the cluster runs just in IPIP mode. How can I create a cluster in rancher in BGP mode by calico?',
  ])('%s', (question) => {
    expect(quoteOf(own, 'calico/bgp-ipip.md', question)).toContain('ipipMode: Never');
  });

  it('leads with nothing when no line selects the mode asked', () => {
    // The Calico runbook has no row of host-gw: the BGP row, sharing "模式", says nothing of it.
    expect(quoteOf(own, 'calico/bgp-ipip.md', '怎么把 calico 改成 host-gw 模式？')).toBe('');
  });

  it('quotes the row of the mode asked, not of the mode left', () => {
    expect(quoteOf(own, 'calico/bgp-ipip.md', '怎么把 calico 改成 VXLAN 模式？')).toContain(
      'vxlanMode: Always',
    );
  });
});
