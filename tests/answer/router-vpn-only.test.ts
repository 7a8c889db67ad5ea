import { describe, expect, it } from 'vitest';
import { routerOrVpnExplainedBy, uncoveredRouterOrVpn } from '../../src/answer/router-vpn-only.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe('uncoveredRouterOrVpn: a router, intranet tunnel or VPN client, outside Kubernetes', () => {
  it.each([
    // Real (reports22.yaml): a VPN's users joined to a server's containers.
    '服务器上的其他docker 如何直接访问 连接vpn的用户,实现组网。我想把服务器和连接vpn的用户进行组网, 用来实现调试微服务应用',
    // Constructed: OpenWrt as a side router.
    'OpenWrt 旁路由模式下，局域网设备设置网关后无法上网',
    // Constructed: an frp tunnel.
    'frpc 连接 frps 一直提示 login to server failed: i/o timeout，内网穿透不成功',
    // Constructed: English, a VPN client.
    'After connecting with OpenVPN, my laptop cannot reach hosts on the office LAN',
    // Constructed: a mesh VPN.
    'Tailscale subnet router does not forward traffic to 192.168.1.0/24',
  ])('%s → declined', (question) => {
    expect(uncoveredRouterOrVpn(question, false)).toContain('VPN');
    expect(uncoveredRouterOrVpn(question, true)).toBeNull();
  });
  it.each([
    // Constructed: pods behind a site-to-site VPN.
    'Pods cannot reach the office network over our site-to-site VPN',
    // Constructed: Chinese, a cluster's nodes joined by a VPN.
    '集群节点之间走 zerotier 组网，跨节点 pod 不通',
    // Real (reports9.yaml, shortened): an MTU mismatch across a VPN, which the MTU runbook explains.
    'pmtu协商失败。Docker 容器中出现 PMTU 协商失败的问题：大数据包传输失败，VPN / API 调用失败，curl、wget 卡住',
    // Constructed: OVN's logical router, a runbook's subject.
    'ovn-cluster 路由器上 pod 的出网策略路由丢失',
    // Constructed: WireGuard, which CNIs use to encrypt pod traffic.
    'wireguard interface is up but traffic between hosts is dropped',
  ])('%s → not declined', (question) => {
    expect(uncoveredRouterOrVpn(question, false)).toBeNull();
  });
  it('is explained by a runbook about VPN clients or routers, not by the MTU runbook naming a VPN underlay', () => {
    expect(
      routerOrVpnExplainedBy([
        doc('MTU 排查', ['节点间 ping 不通：底层网络（VPN、专线、云网络）MTU 小于 1500']),
      ]),
    ).toBe(false);
    expect(routerOrVpnExplainedBy([doc('OpenWrt 软路由排障')])).toBe(true);
  });
});
