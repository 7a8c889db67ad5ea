import { describe, expect, it } from 'vitest';
import { namesAddressByRole } from '../../../src/answer/direct/role-address.js';

describe('a line names an address without writing it out', () => {
  it.each([
    '外部服务看到的源 IP 不是预期的出口 IP，默认按节点 IP 伪装',
    'the backend sees the node IP',
    '源地址选择：路由出口是 ovn0，所以内核选用 ovn0 的地址作为源，**Pod 看到的来源是 100.64.0.x**。',
    '宿主机访问 Pod，Pod 看到的源 IP 是 `10.244.x.2`',
    'kubelet 在 Pod 所在节点的主机网络命名空间里直接访问 `<pod-ip>:<port>`，这条路径不经过 Service。',
  ])('names one: %s', (quote) => {
    expect(namesAddressByRole(quote)).toBe(true);
  });

  it.each([
    // A written address is a value of its own kind, not one named by role.
    '回包靠宿主机路由 `10.16.0.0/16 via 100.64.0.1 dev ovn0` 返回',
    // A version is no address.
    'kube-ovn v1.10.x 起默认开启',
    // A placeholder a command is given is not an address the line states.
    '| 部分节点的 NodePort 不通 | 没有本地 Pod | `curl -sS -m 3 http://<node-ip>:<port>/healthz` | 改为 Cluster |',
    // A placeholder of another role.
    '`tcpdump -i any host <target-ip>` 看出网报文',
  ])('names none: %s', (quote) => {
    expect(namesAddressByRole(quote)).toBe(false);
  });
});
