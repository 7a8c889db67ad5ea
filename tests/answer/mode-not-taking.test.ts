import { describe, expect, it } from 'vitest';
import { proxyModeNotTaking } from '../../src/answer/mode-not-taking.js';

describe('proxyModeNotTaking', () => {
  it('reads a report saying the mode it set does not take effect (EN)', () => {
    expect(
      proxyModeNotTaking(
        'I want to enable ipvs as proxy-mode on my kubeadm cluster. Even though I put proxy-mode: ipvs in the kube-proxy args, it does not work.',
      ),
    ).toBe(true);
    expect(
      proxyModeNotTaking(
        'Switched kube-proxy to mode: ipvs and restarted the pods, but it is still using iptables.',
      ),
    ).toBe(true);
  });

  it('reads a config that does not apply the mode', () => {
    expect(
      proxyModeNotTaking(
        'kubeadm init with a config file that sets mode: "ipvs" does not apply it, the configmap says mode: ""',
      ),
    ).toBe(true);
  });

  it('reads the same in Chinese', () => {
    expect(proxyModeNotTaking('kube-proxy 配置里写了 mode: ipvs，重启后没有生效')).toBe(true);
    expect(proxyModeNotTaking('把 kube-proxy 的 configmap 改成 mode: ipvs 并重建了 pod，但是不生效')).toBe(
      true,
    );
    expect(proxyModeNotTaking('开启 ipvs 模式后 kube-proxy 仍然是 iptables')).toBe(true);
  });

  it('leaves a failure in the mode the report enabled alone (EN and ZH)', () => {
    expect(
      proxyModeNotTaking(
        'ClusterIP not working when IPVS mode enabled: the service is unavailable from pods.',
      ),
    ).toBe(false);
    expect(
      proxyModeNotTaking(
        'ipvs proxier does not work with pod->service->pod on the same node, I enabled ipvs',
      ),
    ).toBe(false);
    expect(proxyModeNotTaking('开启 ipvs 模式后 NodePort 访问超时')).toBe(false);
    expect(proxyModeNotTaking('kube-proxy 使用 ipvs 模式，service 访问不通')).toBe(false);
  });
});
