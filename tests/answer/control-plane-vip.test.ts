import { describe, expect, it } from 'vitest';
import { controlPlaneVipExplainedBy, uncoveredControlPlaneVip } from '../../src/answer/control-plane-vip.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredControlPlaneVip: the control plane's virtual IP", () => {
  it.each([
    // Real (kube-vip/kube-vip, shortened).
    "VIP Unreachable on Secondary Control Plane: 'No Route to Host' Despite Correct ARP Responses. The kubeadm join command from the second control plane node to the kubevip-api-server fails.",
    // Real (kubesphere/kubekey, shortened).
    '不知道为啥kube-vip使用ARP模式不会给网卡添加vip。controlPlaneEndpoint: internalLoadbalancer: kube-vip, address: 10.4.139.88, port: 6443。kubeadm init之后，健康检查一直不成功。',
    // Real (reports19.yaml, shortened).
    'control plane load balancing does not work. kubeadm.yaml with controlPlaneEndpoint: apiserver.k8s.local:6443; kubernetesVersion: 1.25.0.',
    // Constructed: Chinese, keepalived in front of the API servers.
    'keepalived 的 VIP 切换后 kubectl 连不上 apiserver，三台 master 做高可用',
    // Constructed: kube-vip's own BGP mode names no CNI, its VIP fails over badly.
    'kube-vip VIP is not announced in BGP mode after the leader control plane reboots; kubectl to 10.0.0.100:6443 times out.',
    // Constructed: Chinese, the node IP named beside the VIP but no CNI.
    'kube-vip 的 VIP 漂移后 master 节点ip 访问 apiserver 6443 超时',
  ])('%s → declined', (question) => {
    expect(uncoveredControlPlaneVip(question, false)).toContain('virtual IP');
    expect(uncoveredControlPlaneVip(question, true)).toBeNull();
  });
  it.each([
    // Real (reports7.yaml, shortened): a NodePort reached through the VIP.
    'The vip of keepalived cannot access the nodeport. On the three master nodes keepalived and haproxy proxy the api-server.',
    // Real (reports9.yaml, shortened): kube-vip's VIP against kube-proxy's IPVS.
    'kube-vip与kube-proxy IPVS模式冲突问题。在控制平面节点上，kube-vip创建的VIP IPVS虚拟服务会被持续删除和重新创建，API Server连接间歇性中断。',
    // Real (reports5.yaml, shortened): pods reaching a VIP.
    '关机一节点后，部分pod访问节点VIP不通。三节点部署的K8S，每个节点启动一个vip组件，master 节点维护一个VIP。',
    // Real (reports36.yaml, shortened): Calico takes the keepalived VIP as its BGP address.
    'VIP address is incorrectly selected as the BGP IP address in the scenario that controlplane network configuration Keepalived. configure calico ip autodetection method: kubectl set env daemonset/calico-node -n kube-system IP_AUTODETECTION_METHOD=cidr=192.168.200.0/24. Cailico can select VIP as the calico BGP protocol ip.',
    // Real (projectcalico/calico, shortened): BIRD picks the VIP after it moves.
    "node with wrong ipv6 route table after ipv6 vip failover. calico BGP mesh; after the keepalived vip moves to another master the node's routes go via the default gateway.",
    // Constructed: Chinese, flannel takes the VIP as its node IP.
    'VIP 漂移后跨节点网络不通，flannel 把 keepalived 的 VIP 当成了节点ip，apiserver 高可用',
    // Constructed: a VIP of no control plane.
    'The VIP of my MetalLB pool does not answer ARP',
    // Constructed: the control plane named, no VIP in the first sentence.
    'Pods on node-2 cannot reach 10.96.0.1. The control plane sits behind kube-vip.',
  ])('%s → not declined', (question) => {
    expect(uncoveredControlPlaneVip(question, false)).toBeNull();
  });
  it('is explained by a runbook about kube-vip or keepalived, not by one about a LoadBalancer VIP', () => {
    expect(controlPlaneVipExplainedBy([doc('NodePort / LoadBalancer', ['MetalLB L2 VIP 无 ARP 响应'])])).toBe(
      false,
    );
    expect(controlPlaneVipExplainedBy([doc('kube-vip 控制平面 VIP 排障')])).toBe(true);
  });
});
