import { describe, expect, it } from 'vitest';
import {
  asksPurpose,
  asksWhyNeeded,
  purposeRowThing,
  settingsNamed,
  thingsNamed,
} from '../../../src/answer/direct/purpose-ask.js';

describe('a clause asking what a named thing is for', () => {
  it.each([
    'What is clusterCIDR used for in kube-proxy?',
    'What is clusterCIDR used for?',
    "what's masqueradeAll for?",
    'What is the purpose of strictARP in kube-proxy?',
    'what does --cluster-cidr do?',
    'What does clusterCIDR do in kube-proxy?',
    'What does the nodelocaldns DaemonSet do',
    'kube-proxy 的 clusterCIDR 是干什么用的',
    'masqueradeAll 是做啥的？',
    'strictARP 的作用是什么？',
    'hostNetwork 有什么用',
    '--cluster-cidr 起什么作用',
  ])('asks a purpose: %s', (clause) => {
    expect(asksPurpose(clause)).toBe(true);
  });

  it.each([
    'What is the default clusterCIDR?',
    'which port does flannel use for VXLAN?',
    'What does kube-proxy do when the endpoint is not ready?',
    'what is it used for',
    'What CIDR should I use for pods?',
    'kube-proxy 的 clusterCIDR 是多少？',
    '这个报错是什么意思',
    '用什么命令查看 MTU',
  ])('asks no purpose: %s', (clause) => {
    expect(asksPurpose(clause)).toBe(false);
  });
});

describe('a clause asking why a named setting is needed', () => {
  it.each([
    '为什么需要开启 bridge-nf-call-iptables ?',
    '为什么要开启 net.ipv4.ip_forward',
    '为什么必须设置 FLANNEL_IPMASQ',
    'Why do we need to set masqueradeAll?',
    'Why is --cluster-cidr required for kube-proxy?',
    'Why did I specify clusterIP for CoreDNS?',
  ])('asks a purpose: %s', (clause) => {
    expect(asksWhyNeeded(clause)).toBe(true);
    expect(asksPurpose(clause)).toBe(true);
  });

  it.each([
    'why do I need to restart the pod every time?',
    '为什么要这样配置？',
    '(我也不知道为什么要这样专门配置一下)hostNetwork 的 Pod 用默认 ClusterFirst 时到底用哪个 resolv.conf',
    '为什么需要重启 Pod 才能解析',
    'Why is the pod IP the same as the node IP?',
    'why can not ping svc',
  ])('names no setting, or asks no need: %s', (clause) => {
    expect(asksWhyNeeded(clause)).toBe(false);
  });

  it('names the settings as written, without the dashes of a flag', () => {
    expect(settingsNamed('Why is --cluster-cidr required for kube-proxy?')).toEqual([
      'cluster-cidr',
      'kube-proxy',
    ]);
    expect(settingsNamed('为什么需要开启 bridge-nf-call-iptables')).toEqual(['bridge-nf-call-iptables']);
  });
});

describe('the things a purpose ask names besides settings', () => {
  it('reads chains and numbered interfaces, as settings', () => {
    expect(thingsNamed('What is the KUBE-MARK-MASQ chain for?')).toEqual(['KUBE-MARK-MASQ']);
    expect(thingsNamed('kube-ovn 节点上的 ovn0 网卡是干什么用的')).toEqual(['kube-ovn', 'ovn0']);
    expect(thingsNamed('What is kube-ipvs0 for')).toEqual(['kube-ipvs0']);
    expect(thingsNamed('What is masqueradeAll for?')).toEqual(['masqueradeAll']);
  });

  it('reads no plain words or address families as things', () => {
    expect(thingsNamed('What is the node IP used for?')).toEqual([]);
    expect(thingsNamed('what is ipv4 forwarding for on k8s')).toEqual([]);
    expect(thingsNamed('这个 IP 是干什么用的')).toEqual([]);
  });
});

describe('the row of a table saying what each of its things is for', () => {
  const header = '| 名称 | 所在位置 | 作用 |';

  it('is about the thing of its first cell', () => {
    expect(
      purposeRowThing(
        '| `kube-ipvs0` | IPVS 模式 | dummy 网卡，承载全部 ClusterIP / LoadBalancer IP |',
        header,
      ),
    ).toBe('`kube-ipvs0`');
    expect(
      purposeRowThing(
        '| `cilium_host` / `cilium_net` | veth 对 | 宿主机 ↔ Pod 走这里 | 节点访问 Pod 不通先看它 |',
        '| 设备 | 类型 | 作用 | 排查要点 |',
      ),
    ).toBe('`cilium_host` / `cilium_net`');
    expect(
      purposeRowThing('| br-ex | host bridge | north-south entry |', '| Component | Where | Purpose |'),
    ).toBe('br-ex');
  });

  it('is none in a table without such a column, nor in prose', () => {
    expect(
      purposeRowThing(
        '| `ping` ClusterIP 不通，但 curl 正常 | iptables 模式的 ClusterIP 是虚拟地址 | `iptables-save -t nat` | 属正常现象 |',
        '| 症状 | 可能原因 | 检查命令 | 修复 |',
      ),
    ).toBeNull();
    expect(purposeRowThing('ClusterIP 被加到哑网卡 `kube-ipvs0` 上。', undefined)).toBeNull();
  });
});
