/**
 * A report that a ping to a Service's virtual address fails: "Pods can ping pod IPs but not cluster IPs", "MetalLB
 * assigned IP does not respond to ping?", "Ping on cluster ip does not work. It is not reachable.", "宿主机上无法 ping 通
 * cluster-ip", and a pasted `ping 10.97.255.240` with 100% loss to an address the pasted `kubectl get svc` lists. Real
 * reports often state this without asking anything: the reporter took the failed ping as the fault. A ClusterIP (and
 * a load-balancer address kube-proxy handles the same way) only answers the Service's ports, so the runbook line
 * saying it does not answer ping is by design explains it, whatever else the report goes on to say. Not a ping that
 * works ("为什么这个 ClusterIP 能 ping 通"), nor a ping to a pod, a node or an outside address (a real path fault), nor a
 * report in IPVS mode (there the address sits on kube-ipvs0 and does answer: the by-design line would be wrong). Pure.
 */

import { escapeRegExp } from '../../core/escape-reg-exp.js';

/** A Service's virtual address, as reports name it. */
const SERVICE_ADDRESS = String.raw`(?:cluster[\s_-]?ips?|service[\s_-]?(?:ips?|address(?:es)?|vips?)|svc[\s_-]?(?:ips?|address(?:es)?)|load[\s_-]?balancer[\s_-]?ips?|lb[\s_-]?ips?|metallb(?:[\s_-]+\w+){0,2}?[\s_-]+ips?|(?:服务|服務|service|svc)\s*(?:的)?\s*(?:ip|地址|vip)|集群\s*ip)`;
/** A clause naming a Service's virtual address: "ClusterIP 到底是什么样的地址", "what is the cluster IP". */
export const SERVICE_ADDRESS_NAMED = new RegExp(String.raw`${SERVICE_ADDRESS}|\bclusterip\b`, 'i');

/** "ping svc", "ping the service", "ping a kubernetes service": the Service named as what was pinged. */
const SERVICE_PINGED = String.raw`ping(?:ing)?\s+(?:to\s+)?(?:the\s+|a\s+|my\s+|our\s+)?(?:kubernetes\s+|k8s\s+)?(?:svc|services?)\b(?!\s*(?:or|and|,|/|&)\s*(?:pods?|nodes?)\b)`;

/** Text between the address and the failure that stays about the ping: not "but curl ... does not work". */
const PING_GAP = String.raw`(?:(?!\bbut\b|\bcurl|\bwget|\bhttps?\b|\btelnet\b|\bnc\b|\baccess|\bconnect|\bpods?\b|\bnodes?\b|节点|節點|主机|主機|外网|外網|容器|相互|互相)[^.?!;\n，,。？；])`;

/** Ways a report says the ping to it got nothing back, in English. */
const ENGLISH_FAILED = [
  // "can't ping the cluster IP", "unable to ping service IP", "not able to ping from outside"
  String.raw`\b(?:can(?:'|no)?t|cann'?t|can not|could(?:n'?t| not)|unable to|not able to|fail(?:s|ed)? to|never)\s+ping\b${PING_GAP}{0,60}?${SERVICE_ADDRESS}`,
  // "Pod Service IP not able to ping from outside", "the cluster IP is not pingable"
  String.raw`${SERVICE_ADDRESS}${PING_GAP}{0,40}?\b(?:(?:is |are )?not (?:able to be )?ping(?:able|ed)\b|(?:not able to|unable to|can(?:'|no)?t|cann'?t|can not|could(?:n'?t| not))\s+(?:be\s+)?ping\b)`,
  String.raw`\b(?:can(?:'|no)?t|cann'?t|can not|could(?:n'?t| not)|unable to|not able to|fail(?:s|ed)? to)\s+${SERVICE_PINGED}`,
  // "ping on cluster ip does not work", "pinging the ClusterIP gets no reply", "ping 10.96.0.1 (the service IP) times out"
  String.raw`\bping(?:ing|s)?\b${PING_GAP}{0,40}?${SERVICE_ADDRESS}${PING_GAP}{0,60}?(?:\b(?:does(?:n'?t| not)|do(?:n'?t| not)) work|\bnot working\b|\bfail(?:s|ed)?\b|\bno (?:reply|replies|response|answer)\b|\btime[sd]? ?out\b|\bunreachable\b|\bnot reachable\b|100% packet loss)`,
  // "MetalLB assigned IP does not respond to ping", "the cluster IPs do not answer ICMP"
  String.raw`${SERVICE_ADDRESS}${PING_GAP}{0,40}?\b(?:does(?:n'?t| not)|do(?:n'?t| not)|won'?t|will not|never|can(?:'|no)?t|cannot)\s+(?:respond|reply|answer)(?:\s+to)?\s+(?:a\s+)?(?:ping|icmp)`,
  // "can ping pod IPs but not cluster IPs"
  String.raw`\bping\b[^.?!;\n]{0,60}?\bbut not\b[^.?!;\n]{0,20}?${SERVICE_ADDRESS}`,
];
/** Ways a report says it in Chinese: "ClusterIP ping 不通", "无法 ping 通 Service 的 IP", "ping 命令无法探测到 Service". */
const CHINESE_FAILED = [
  String.raw`(?:${SERVICE_ADDRESS}|service|svc|服务|服務)[)）]?${PING_GAP}{0,8}?(?:ping\s*(?:不通|不了|无响应|無響應|没有?(?:响应|回应|回复))|(?:无法|無法|不能|不可以)\s*ping)`,
  String.raw`(?:ping\s*(?:不通|不了)|(?:无法|無法|不能)\s*(?:被\s*)?ping(?:\s*通)?|ping\s*(?:命令)?\s*(?:无法|無法|不能)\s*(?:探测|探測|访问|訪問|到达|到達))${PING_GAP}{0,12}?(?:${SERVICE_ADDRESS}|service|svc|服务|服務)`,
];
const FAILED_PING = new RegExp([...ENGLISH_FAILED, ...CHINESE_FAILED].join('|'), 'i');

/**
 * The Service itself fails too ("Unable to ping node port cluster ip, services time out", "curl 也超时"): the ping is
 * not the point, the path is broken, and the by-design line would send the engineer away from the fault.
 */
const SERVICE_FAILS =
  /\bservices?\s+(?:times?|timed|timing)\s+out\b|\b(?:curl|wget|telnet|nc|http|https|tcp)\b[^.?!;\n]{0,40}?(?:\b(?:time[sd]?\s?out|timed out|fail(?:s|ed)?|refused|hangs?|does(?:n'?t| not) work|not working)\b|超时|超時|失败|失敗|不通|拒绝|拒絕)|\bconnection (?:refused|timed out|reset)\b|\b(?:can(?:'|no)?t|unable to|not able to|could(?:n'?t| not))\s+(?:access|connect|reach|curl)\b|(?:无法|無法|不能)(?:访问|訪問|连接|連接)|访问(?:超时|超時|不通|失败|失敗)|訪問(?:超時|不通|失敗)|\b(?:site|page|website|browser|app|application|service)s?\b[^.?!;\n]{0,30}?\b(?:cannot|can'?t|can not|could(?:n'?t| not)) be (?:reached|accessed|opened)\b|\b(?:can'?t|cannot|could(?:n'?t| not)|unable to) resolve\b|no servers could be reached|(?:无法|無法|不能)解析|解析(?:失败|失敗|超时|超時)/i;

/** IPVS mode answers ping on the Service address (kube-ipvs0): the by-design line is about iptables mode. */
const IPVS = /\bipvs\b|kube-ipvs0/i;

/** A pasted ping to an address that got nothing back: "ping 10.97.255.240 ... 100% packet loss". */
const PASTED_PING = /\bping\s+(?:-\S+\s+(?:\d+\s+)?)*(\d{1,3}(?:\.\d{1,3}){3})\b/gi;
/** A pasted ping to a Service's DNS name: "ping kubernetes.default.svc", "ping nginx.default.svc.cluster.local". */
const PASTED_SERVICE_NAME_PING = /\bping\s+(?:-\S+\s+(?:\d+\s+)?)*[\w-]+(?:\.[\w-]+)?\.svc(?:\.[\w.-]+)?\b/i;
const NO_REPLY = /100(?:\.0+)?% packet loss|\b0 (?:packets )?received\b|request timeout for icmp_seq/i;
/** A `kubectl get svc` row (or a Service's describe line) listing an address as a Service's. */
const SERVICE_ROW =
  /\b(?:ClusterIP|LoadBalancer|NodePort)\s+(\d{1,3}(?:\.\d{1,3}){3})\b|\b(?:IP|ClusterIP|CLUSTER-IP|cluster ip)\s*:\s*(\d{1,3}(?:\.\d{1,3}){3})\b/g;

function pastedServicePing(report: string): string | null {
  if (!NO_REPLY.test(report)) return null;
  const named = PASTED_SERVICE_NAME_PING.exec(report);
  // "ping kubernetes.default.svc ... 100% packet loss", unless some ping in the report got answers.
  if (named && !/\bbytes from\b/i.test(report)) return `${named[0]} 不通（Service 地址）`;
  const services = new Set<string>();
  for (const match of report.matchAll(SERVICE_ROW)) {
    const address = match[1] ?? match[2];
    if (address) services.add(address);
  }
  for (const match of report.matchAll(PASTED_PING)) {
    const address = match[1];
    if (!address || !services.has(address)) continue;
    // A ping that got answers ("64 bytes from 10.96.0.1") worked.
    if (new RegExp(String.raw`bytes from ${escapeRegExp(address)}\b`).test(report)) continue;
    return `ping ${address}（ClusterIP）不通`;
  }
  return null;
}

/**
 * The report's clause saying a ping to a Service's virtual address got nothing back, or null. A pasted ping to an
 * address the pasted Service listing shows is read as such a clause.
 */
export function failedServicePing(report: string): string | null {
  const text = report.normalize('NFKC');
  if (IPVS.test(text) || SERVICE_FAILS.test(text)) return null;
  for (const clause of text.split(/(?<=[.?!。？！；;])\s*|\n+/u)) {
    if (FAILED_PING.test(clause)) return clause.trim();
  }
  return pastedServicePing(text);
}
