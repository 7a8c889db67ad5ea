import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCommands, findPlaceholders } from '../../src/ingest/commands.js';
import { parseDocument } from '../../src/ingest/document.js';
import { classifySafety } from '../../src/ingest/safety.js';

const commandsOf = (code: string, lang: string | null = 'bash') =>
  extractCommands(code, lang).map((c) => c.command);

describe('extractCommands', () => {
  it('takes the comment line above as purpose', () => {
    expect(extractCommands('# 查看 ovn0\nip addr show ovn0', 'bash')).toEqual([
      { command: 'ip addr show ovn0', purpose: '查看 ovn0', lineOffset: 1 },
    ]);
  });

  it('joins backslash continuations', () => {
    expect(commandsOf('kubectl ko trace \\\n  default/web \\\n  10.16.0.9 tcp 80')).toEqual([
      'kubectl ko trace default/web 10.16.0.9 tcp 80',
    ]);
  });

  it.each([
    ['$ ', '$ kubectl get pods\nNAME READY\nweb 1/1', 'console'],
    ['[root@node1 ~]# ', '[root@node1 ~]# kubectl get vpc -A\nNAME STANDBY\novn-cluster true', null],
    ['root@node1:/kube-ovn# ', 'root@node1:/kube-ovn# ovn-nbctl list Logical_Router\n_uuid : c1cf', null],
    ['# ', '# ovs-vsctl show\nBridge br-int\n    Port ovn0', 'console'],
  ])('strips the %j prompt and skips the output after it', (_prompt, code, lang) => {
    const commands = commandsOf(code, lang);
    expect(commands).toHaveLength(1);
    expect(commands[0]).not.toMatch(/^[[$#]|root@/);
  });

  it('reads `# cmd` in a bash block as a comment, not a prompt', () => {
    expect(commandsOf('# ovs-vsctl show\nip route')).toEqual(['ip route']);
  });

  it.each([
    [
      'OVS flow text',
      'table=25, priority=100, ip, nw_dst=192.168.1.10,\n       actions=set_field:100.64.0.2->nw_dst,\n                goto_table(30)',
    ],
    ['actions continuation', ' cookie=0x0, duration=1s, table=0, n_packets=0, actions=drop'],
    ['numbered prose', '1. 备份集群\n2. 停止所有 kube-ovn 组件'],
    ['YAML', 'JOIN_CIDR: 100.64.0.0/16\nNODE_SWITCH: join\nNode1: 100.64.0.2 (映射到 192.168.1.10)'],
    ['key: value prose', 'Physical MTU: 1500\nPod MTU: 1400 (1500 - 100)'],
    ['JSON', '{\n  "cniVersion": "0.3.1"\n}'],
    ['arrow output', 'mysql-0.mysql.default.svc.cluster.local  → 10.244.1.10'],
    ['comments only', '# 输出示例:\n# 4: ovn0: <BROADCAST,MULTICAST,UP,LOWER_UP>'],
  ])('never emits %s', (_label, code) => {
    expect(commandsOf(code)).toEqual([]);
  });

  it('ignores non-shell languages and prose-looking untagged blocks', () => {
    expect(commandsOf('kubectl get pods', 'yaml')).toEqual([]);
    expect(commandsOf('kubectl get pods', 'text')).toEqual([]);
    expect(commandsOf('Pod (10.16.0.2)\n  ↓ veth pair\nOVS br-int', null)).toEqual([]);
  });

  it('recognises untagged blocks that are shell', () => {
    expect(commandsOf('kubectl get pods -A\nip route show', null)).toEqual([
      'kubectl get pods -A',
      'ip route show',
    ]);
  });

  it('keeps a multi-line for loop and a heredoc as one command each', () => {
    const code = 'for n in a b; do\n  echo $n\ndone\ncat <<EOF | kubectl apply -f -\nkind: Pod\nEOF\nip r';
    expect(commandsOf(code)).toEqual([
      'for n in a b; do\necho $n\ndone',
      'cat <<EOF | kubectl apply -f -\nkind: Pod\nEOF',
      'ip r',
    ]);
  });

  it('uses a transcript bullet line as the purpose of the next command', () => {
    const [first] = extractCommands('• 查看 VPC\n\n  [root@node1 ~]# kubectl get vpc -A\n  NAME', null);
    expect(first?.purpose).toBe('查看 VPC');
  });
});

describe('classifySafety', () => {
  it.each([
    'kubectl delete pod web-0',
    'kubectl -n kube-system rollout restart ds/kube-ovn-cni',
    'kubectl apply -f policy.yaml',
    'kubectl patch svc web -p {}',
    'kubectl drain node-1 --ignore-daemonsets',
    'kubectl scale deploy/web --replicas=0',
    'ip link set dev eth0 mtu 1400',
    'ip route add 10.16.0.0/16 via 100.64.0.1',
    'ip route del default',
    'iptables -I FORWARD -j ACCEPT',
    'iptables -t nat -A POSTROUTING -j MASQUERADE',
    'iptables -D INPUT 3',
    'sysctl -w net.ipv4.ip_forward=1',
    'sysctl net.ipv4.ip_forward=1',
    'ethtool -K eth0 tx off',
    'ovs-vsctl set interface genev_sys_6081 mtu_request=1400',
    'ovs-vsctl del-port br-int veth1',
    'ovs-ofctl add-flow br-int "table=0,actions=drop"',
    'ovs-ofctl del-flows br-int',
    'systemctl restart kubelet',
    'conntrack -D -p udp --dport 53',
    'conntrack -F',
    'kubectl ko nbctl lr-route-add ovn-cluster 0.0.0.0/0 100.64.0.1',
    'echo 1 > /proc/sys/net/ipv4/ip_forward',
    'kubectl exec -it web -- ip link set eth0 mtu 1400',
    'kubectl -n kube-system delete pod -l app=kube-ovn-cni',
  ])('%s is mutating', (command) => {
    expect(classifySafety(command)).toBe('mutating');
  });

  it.each([
    'kubectl get pods -o wide',
    'kubectl exec -it <pod> -- curl https://192.168.1.10:6443',
    'kubectl describe networkpolicy <name>',
    'ip route | grep ovn0',
    'ip link show flannel.1',
    'ip -d link show genev_sys_6081',
    'iptables -t nat -L KUBE-SERVICES -n',
    'iptables-save | grep KUBE-SVC',
    'sysctl net.ipv4.ip_forward',
    'ethtool -k eth0',
    'ovs-vsctl show',
    'ovs-vsctl get interface genev_sys_6081 link_state',
    'ovs-ofctl dump-flows br-int table=25',
    'conntrack -L -d 10.96.0.10',
    'tcpdump -i any port 6081 -nn 2>/dev/null',
    'ping -M do -s 1422 <target-ip>  # 1450 MTU',
    'kubectl logs ds/kube-ovn-cni 2>&1 | grep error',
    'kubectl ko nbctl lr-route-list ovn-cluster',
    'kubectl describe pod create-job',
    'kubectl -n kube-system get pods -l app=run',
  ])('%s is read-only', (command) => {
    expect(classifySafety(command)).toBe('read-only');
  });
});

describe('findPlaceholders', () => {
  it('lists distinct <...> tokens in order, ignoring heredocs and redirects', () => {
    expect(
      findPlaceholders('kubectl exec <pod> -n <namespace> -- ping <target-ip> -c 3 <pod> 2>&1 <<EOF'),
    ).toEqual(['<pod>', '<namespace>', '<target-ip>']);
  });
});

describe('command rules on the seed pages', () => {
  const seedsDir = resolve(import.meta.dirname, '../../../shared/seeds');
  const docs = readdirSync(seedsDir)
    .filter((name) => /^\d.*\.md$/.test(name))
    .map((name) => parseDocument(name, readFileSync(resolve(seedsDir, name), 'utf8')));
  const all = docs.flatMap((doc) => doc.commands);

  it('ingests all five seeds with commands from the four that have them', () => {
    expect(docs).toHaveLength(5);
    expect(docs.filter((doc) => doc.commands.length > 0)).toHaveLength(4);
  });

  it('emits no comment, flow-table text, output, numbered prose, YAML or prompt as a command', () => {
    for (const { command } of all) {
      expect(command).not.toMatch(/^#|^table=|actions=|^\d+\.\s|^[A-Z_]+:\s|^\[root@|^root@|^\$ |→/);
    }
  });

  it('joins continuations, strips prompts, and classifies mutating commands', () => {
    const commands = all.map((c) => c.command);
    expect(commands).toContain(
      'kubectl-ko nbctl trace-packet --ovn join \'inport=="pod" && ip4.src==10.16.0.2 && ip4.dst==192.168.1.10\'',
    );
    expect(commands).toContain('kubectl get vpc -A');
    expect(commands).toContain('ovn-nbctl list Logical_Router_Policy');
    const safety = (text: string) => all.find((c) => c.command === text)?.safety;
    expect(safety('ip link set dev cni0 mtu 1450')).toBe('mutating');
    expect(safety('ethtool -K eth0 tso on gso on')).toBe('mutating');
    expect(safety('ovs-ofctl dump-flows br-int table=25')).toBe('read-only');
  });

  it('links troubleshooting-table rows to command records', () => {
    const join = docs[0];
    expect(join?.troubleshooting).toHaveLength(5);
    for (const row of join?.troubleshooting ?? []) {
      for (const command of row.commands) expect(join?.commands.map((c) => c.command)).toContain(command);
    }
    expect(join?.troubleshooting[1]?.commands).toEqual(['netstat -tuln | grep 6443']);
  });
});
