import { describe, expect, it } from 'vitest';
import { asksPurpose } from '../../../src/answer/direct/purpose-ask.js';

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
