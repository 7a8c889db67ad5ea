/**
 * Robustness check for routing: a problem report as it is really posted, with command output, a log excerpt or a
 * manifest pasted after what fails. Each paste is generic (healthy cluster output of the kind reporters paste into
 * every kind of thread: the kube-system pods, a kube-proxy or CoreDNS start-up log, an `ip addr` dump, a
 * Deployment), shortened from real threads, so the runbook a report needs does not change with it: the first
 * citation should stay the labelled one. Sibling of frames.ts (value questions in neutral frames). Pure.
 */
import type { EvalQuestion } from './questions.js';

/** A pasted block: what the reporter ran or opened, and what it printed. */
export interface Paste {
  name: string;
  text: string;
}

export const PASTES: readonly Paste[] = [
  {
    // `kubectl get pods -A` on a kubeadm cluster, as pasted into kubernetes/kubeadm and CNI threads.
    name: 'kubectl-get-pods',
    text: [
      '$ kubectl get pods -A',
      'NAMESPACE     NAME                                   READY   STATUS    RESTARTS      AGE',
      'kube-system   coredns-5d78c9869d-8x2kq               1/1     Running   0             3d',
      'kube-system   coredns-5d78c9869d-qkpwj               1/1     Running   0             3d',
      'kube-system   etcd-k8s-master                        1/1     Running   1 (2d ago)    3d',
      'kube-system   kube-apiserver-k8s-master              1/1     Running   1 (2d ago)    3d',
      'kube-system   kube-controller-manager-k8s-master     1/1     Running   2 (2d ago)    3d',
      'kube-system   kube-proxy-7hj4w                       1/1     Running   0             3d',
      'kube-system   kube-proxy-rf4fw                       1/1     Running   0             3d',
      'kube-system   kube-scheduler-k8s-master              1/1     Running   2 (2d ago)    3d',
    ].join('\n'),
  },
  {
    // A kube-proxy start-up log (iptables proxier), as pasted into kubernetes/kubernetes Service threads.
    name: 'kube-proxy-log',
    text: [
      '$ kubectl -n kube-system logs kube-proxy-7hj4w',
      'I0412 08:15:02.101383       1 node.go:163] Successfully retrieved node IP: 192.168.1.11',
      'I0412 08:15:02.101452       1 server_others.go:138] "Detected node IP" address="192.168.1.11"',
      'I0412 08:15:02.128746       1 server_others.go:206] "Using iptables Proxier"',
      'I0412 08:15:02.129391       1 conntrack.go:52] "Setting nf_conntrack_max" nf_conntrack_max=131072',
      'I0412 08:15:02.130012       1 config.go:317] "Starting service config controller"',
      'I0412 08:15:02.130033       1 shared_informer.go:255] Waiting for caches to sync for service config',
      'I0412 08:15:02.230591       1 shared_informer.go:262] Caches are synced for service config',
    ].join('\n'),
  },
  {
    // A CoreDNS start-up log, as pasted into coredns/coredns and installer threads.
    name: 'coredns-log',
    text: [
      '$ kubectl -n kube-system logs coredns-5d78c9869d-8x2kq',
      '.:53',
      '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5',
      'CoreDNS-1.10.1',
      'linux/amd64, go1.20, 055b2c3',
      '[INFO] 127.0.0.1:51426 - 30521 "HINFO IN 3256480512452916341.6457364519235447325. udp 57 false 512" NXDOMAIN qr,rd,ra 57 0.012045s',
    ].join('\n'),
  },
  {
    // `ip addr` on a node, as pasted into flannel-io/flannel and kubeovn/kube-ovn threads.
    name: 'ip-addr',
    text: [
      '# ip addr',
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '    inet 127.0.0.1/8 scope host lo',
      '       valid_lft forever preferred_lft forever',
      '2: ens160: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000',
      '    link/ether 00:50:56:a2:3c:7e brd ff:ff:ff:ff:ff:ff',
      '    inet 192.168.1.11/24 brd 192.168.1.255 scope global ens160',
      '       valid_lft forever preferred_lft forever',
    ].join('\n'),
  },
  {
    // The workload's manifest, as pasted into most "my app cannot ..." threads.
    name: 'deployment-yaml',
    text: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  namespace: default',
      'spec:',
      '  replicas: 2',
      '  selector:',
      '    matchLabels:',
      '      app: web',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: web',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.25',
      '        ports:',
      '        - containerPort: 80',
    ].join('\n'),
  },
];

const HAN = /\p{Script=Han}/u;

/** The line that introduces a paste, in the question's language. */
function leadIn(question: string): string {
  return HAN.test(question) ? '输出如下：' : 'Here is the output:';
}

/**
 * The question with a paste after it: what fails comes first, as in a real report. Folded: on one line, as a
 * tracker's text view (and most eval sets) show a report.
 */
export function pasted(question: EvalQuestion, paste: Paste, folded = false): EvalQuestion {
  const text = question.question.trim();
  const report = `${text}\n${leadIn(text)}\n${paste.text}\n`;
  return { ...question, question: folded ? report.replace(/\s+/g, ' ').trim() : report };
}

/**
 * Each report of the tuning sets that asks about a broken path (answerable, no value asked: value questions are
 * frames.ts's), with one paste after it: the pastes are taken in turn, so each is used about as often. The labels
 * are unchanged. `folded`: each report on one line.
 */
export function pastedReports(
  questions: readonly EvalQuestion[],
  { folded = false } = {},
): Array<{ paste: string; question: EvalQuestion }> {
  const out: Array<{ paste: string; question: EvalQuestion }> = [];
  let next = 0;
  for (const question of questions) {
    if (question.abstain || question.text !== undefined || question.docs.length === 0) continue;
    const paste = PASTES[next % PASTES.length] as Paste;
    next++;
    out.push({ paste: paste.name, question: pasted(question, paste, folded) });
  }
  return out;
}
