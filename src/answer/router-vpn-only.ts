/**
 * A report about a home or edge router, an intranet tunnel or a VPN client, in a report that names nothing of
 * Kubernetes: OpenWrt and other router firmware (软路由, 旁路由, 光猫), frp and other 内网穿透 tunnels (ngrok, nps),
 * VPN and proxy clients (OpenVPN, Clash, V2Ray, Tailscale, ZeroTier). Their forwarding, NAT and tunnels are the
 * device's or the client's own, and the runbooks follow a Kubernetes cluster's pod network. Declined only while no
 * runbook is about such a device or client (KB-relative, as docker-only.ts). Pure.
 */
import { namesKubernetes, namesMtu } from './docker-only.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * Router firmware and home gateways, intranet-penetration tunnels, and VPN or proxy clients, named as such. A bare
 * 路由器 is not one: the runbooks' logical routers (OVN's `ovn-cluster`, `GR_<node>`) are called so too; nor is
 * WireGuard, which Calico, Cilium and Flannel use to encrypt pod traffic.
 */
const ROUTER_OR_VPN =
  /\bopen-?wrt\b|\blede\b|\bistoreos\b|\bpfsense\b|\bopnsense\b|\brouter-?os\b|\bmikrotik\b|软路由|軟路由|旁路由|光猫|光貓|家用路由|梅林|爱快|愛快|\bikuai\b|\bfrp[cs]?\b|内网穿透|內網穿透|\bngrok\b|\bnps\b|\bnatapp\b|\bvpn\b|\bopen-?vpn\b|\bclash\b|\bv2ray\b|\bxray\b|\bshadowsocks\b|\btrojan\b|科学上网|科學上網|\btailscale\b|\bzerotier\b|\bstrongswan\b|\bl2tp\b/i;

/** A runbook about such a device or client itself (not the MTU runbook's "VPN" underlay in a row). */
const ROUTER_OR_VPN_RUNBOOK =
  /\bopen-?wrt\b|软路由|軟路由|\bfrp[cs]?\b|内网穿透|內網穿透|\bvpn\s+clients?\b|vpn\s*客户端|vpn\s*客戶端|\bopen-?vpn\b|\bclash\b|\btailscale\b|\bzerotier\b/i;

/**
 * The subject when a report is about a router, an intranet tunnel or a VPN client ("OpenWrt 旁路由模式下局域网设备无法
 * 上网", "frpc 连接 frps 提示 login to server failed", "连上 OpenVPN 后无法访问公司内网") and names nothing of Kubernetes;
 * else null. "Pods cannot reach the office network over our site-to-site VPN" names a pod and is answered.
 */
export function uncoveredRouterOrVpn(question: string, explained: boolean): string | null {
  const { text } = readReport(question);
  // An MTU mismatch across a VPN ("VPN / API 调用失败 ... PMTU 协商失败") is a symptom the MTU runbook explains.
  if (!ROUTER_OR_VPN.test(text) || namesKubernetes(text) || namesMtu(text)) return null;
  return explained ? null : 'a router, intranet tunnel (frp) or VPN client of its own, outside Kubernetes';
}

/** Whether a runbook is about routers, intranet tunnels or VPN clients (its title, triggers, headings or symptoms). */
export function routerOrVpnExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, ROUTER_OR_VPN_RUNBOOK);
}
