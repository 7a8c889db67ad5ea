import { describe, expect, it } from 'vitest';
import { apiClientPrompt } from '../../src/answer/admin-prompt.js';

const at = (text: string, name: string) => apiClientPrompt(text, text.indexOf(name), name);

describe('apiClientPrompt', () => {
  it('is a prompt before kubectl, oc or helm', () => {
    expect(at('[root@k8s-master01 ~]# kubectl get pods -a', 'k8s-master01')).toBe(true);
    expect(at('集群信息 root@master1:~# kubectl get nodes', 'master1')).toBe(true);
    expect(at('ubuntu@cp-1:~/charts$ helm install web ./web', 'cp-1')).toBe(true);
    expect(at('[root@node-3 ~]# sudo kubectl -n kube-system logs x', 'node-3')).toBe(true);
  });

  it('is no such prompt before a host-local command, nor outside a prompt', () => {
    expect(at('[root@node1 ~]# cat /run/flannel/subnet.env', 'node1')).toBe(false);
    expect(at('宿主机 [root@k8s-node-1 ~]# curl http://10.0.0.1', 'k8s-node-1')).toBe(false);
    expect(at('pods on node1 fail; kubectl get pods', 'node1')).toBe(false);
    expect(at('mail admin@node1.example.com kubectl', 'node1')).toBe(false);
  });
});
