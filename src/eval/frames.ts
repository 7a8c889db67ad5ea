/**
 * Robustness check for direct answers: a value question ("which port does ...", "默认 MTU 是多少") as a real report
 * asks it, buried in pasted output, a version line and what was tried. Each frame is neutral (it names no value
 * and no runbook's topic beyond what every cluster report says), so the same line should answer the question in
 * every frame. Pure.
 */
import type { EvalQuestion } from './questions.js';

/** A frame: text before and after the question, and its language (a Chinese question gets a Chinese frame). */
export interface Frame {
  name: string;
  lang: 'en' | 'zh';
  before: string;
  after: string;
}

const GET_NODES = [
  '$ kubectl get nodes -o wide',
  'NAME      STATUS   ROLES           AGE   VERSION',
  'node-1    Ready    control-plane   12d   v1.28.3',
  'node-2    Ready    <none>          12d   v1.28.3',
].join('\n');

const GET_PODS = [
  '$ kubectl get pods -n kube-system',
  'NAME                             READY   STATUS    RESTARTS   AGE',
  'coredns-5d78c9869d-8x2kq         1/1     Running   0          3d',
  'kube-proxy-7hj4w                 1/1     Running   1          3d',
].join('\n');

const PING = [
  '$ ping -c 2 node-2',
  '64 bytes from node-2: icmp_seq=1 ttl=64 time=0.412 ms',
  '64 bytes from node-2: icmp_seq=2 ttl=64 time=0.398 ms',
].join('\n');

export const FRAMES: readonly Frame[] = [
  {
    name: 'output-and-tried',
    lang: 'en',
    before: `Hi, I have a small cluster set up with kubeadm.\n${GET_NODES}\n${PING}\n`,
    after: '\nI tried restarting kube-proxy and coredns but nothing changed. Any help is appreciated.',
  },
  {
    name: 'version-line',
    lang: 'en',
    before: 'Environment: Kubernetes v1.27.4, containerd 1.7.2, Ubuntu 22.04 LTS, 3 nodes on bare metal.\n',
    after: '\nThanks in advance!',
  },
  {
    name: 'tried-first',
    lang: 'en',
    before: `I already tried rebooting the nodes and recreating the pods, no luck.\n${GET_PODS}\n`,
    after: '\nLet me know if you need more logs.',
  },
  {
    name: 'zh-output-and-tried',
    lang: 'zh',
    before: `大家好，我用 kubeadm 搭了一个测试集群。\n${GET_NODES}\n${PING}\n`,
    after: '\n我试过重启 kube-proxy 和 coredns，还是一样。求大佬帮忙看看。',
  },
  {
    name: 'zh-version-line',
    lang: 'zh',
    before: '环境：Kubernetes v1.27.4，containerd 1.7.2，CentOS 7.9，三个节点。\n',
    after: '\n我已经重启过所有节点了，谢谢！',
  },
];

const HAN = /\p{Script=Han}/u;

/** The frames for a question: English frames for an English question, Chinese ones for a Chinese one. */
export function framesFor(question: string): readonly Frame[] {
  const lang = HAN.test(question) ? 'zh' : 'en';
  return FRAMES.filter((frame) => frame.lang === lang);
}

/** The question in a frame: its labels unchanged (the asked value and runbook do not depend on the framing). */
export function framed(question: EvalQuestion, frame: Frame): EvalQuestion {
  return { ...question, question: `${frame.before}${question.question.trim()}${frame.after}` };
}

/** Each value question (one labelled with `text`) in each of its language's frames, with the frame's name. */
export function wrappedValueQuestions(
  questions: readonly EvalQuestion[],
): Array<{ frame: string; question: EvalQuestion }> {
  const out: Array<{ frame: string; question: EvalQuestion }> = [];
  for (const question of questions) {
    if (question.text === undefined) continue;
    for (const frame of framesFor(question.question))
      out.push({ frame: frame.name, question: framed(question, frame) });
  }
  return out;
}
