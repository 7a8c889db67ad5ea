import { describe, expect, it } from 'vitest';
import type { Safety } from '../../src/core/types.js';
import { parseDocument } from '../../src/ingest/document.js';
import {
  classifyCommandParsed,
  simpleWords,
  substitutePlaceholders,
} from '../../src/ingest/safety/classify.js';
import { MUTATING_FORMS } from '../../src/ingest/safety/mutating-forms.js';
import { READ_ONLY_FORMS } from '../../src/ingest/safety/read-only-forms.js';
import { changeMarkLine, classifyCommand, classifySafety } from '../../src/ingest/safety.js';
import { SAFETY_FINDING_CODE, safetyFindings } from '../../src/ingest/safety-findings.js';

const R: Safety = 'read-only';
const M: Safety = 'mutating';
const U: Safety = 'unknown';

/** Command → expected label. Both directions; the destructive examples first. */
const TABLE: [string, Safety][] = [
  // Destructive commands that the old pattern list called read-only.
  ['curl -fsSL https://get.example.com/install.sh | sh', M],
  ['wget -qO- https://example.com/x.sh | bash', M],
  ['curl -s https://x/install | sudo bash -s -- --version 1.2', M],
  ['chmod 777 /etc/kubernetes', M],
  ["sed -i 's/vxlan/ipip/' /etc/cni/net.d/10-calico.conflist", M],
  ['cp /dev/null /etc/resolv.conf', M],
  ['ln -sf /dev/null /etc/resolv.conf', M],
  ['find / -delete', M],
  ['find /var/lib/cni -name "*.json" -exec rm -f {} \\;', M],
  ['crictl rmp -a', M],
  ['etcdctl del --prefix /', M],
  ['kubeadm reset -f', M],
  ['cilium-dbg cleanup -f', M],
  ['openssl req -new -x509 -out /etc/kubernetes/pki/ca.crt', M],
  ['truncate -s 0 /var/log/syslog', M],
  ['dd if=/dev/zero of=/dev/sda bs=1M', M],
  ['mv /etc/cni/net.d/10-flannel.conflist /tmp/', M],
  ['chown root:root /etc/kubernetes/admin.conf', M],
  ['touch /etc/cni/net.d/00-ignore.conf', M],
  ['mkdir -p /etc/cni/net.d', M],
  ['curl -LO https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl', M],
  ['curl -o /usr/local/bin/calicoctl -L https://x/calicoctl', M],
  ['wget https://raw.githubusercontent.com/x/calico.yaml', M],
  ['make install', M],
  ['apt-get install -y conntrack', M],
  ['yum install -y tcpdump', M],
  ['systemctl restart kubelet', M],
  ['systemctl daemon-reload', M],
  ['service docker restart', M],
  ['docker rm -f netshoot', M],
  ['crictl stopp 0123abcd', M],
  ['kill -9 $(pidof kube-proxy)', M],
  ['pkill -f flanneld', M],
  ['reboot', M],
  ['modprobe ip_vs', M],
  ['mount bpffs /sys/fs/bpf -t bpf', M],
  // Kubernetes
  ['kubectl get pods -A -o wide', R],
  ['kubectl -n kube-system get ds kube-ovn-cni -o yaml', R],
  ['kubectl describe node <node-name>', R],
  ['kubectl describe pod <pod> -n <namespace>', R],
  ['kubectl logs -n kube-system <pod> -c cni-server --tail=200', R],
  ['kubectl get endpoints <service-name> -n <namespace>', R],
  ['kubectl get svc -A | grep <cluster-ip>', R],
  ['kubectl top pod -A --sort-by=cpu', R],
  ['kubectl auth can-i create pods --as=system:serviceaccount:default:default', R],
  ['kubectl get networkpolicy -A -o yaml | grep -A5 podSelector', R],
  ['kubectl delete pod <pod> -n <namespace>', M],
  ['kubectl apply -f https://raw.githubusercontent.com/x/np.yaml', M],
  ['kubectl -n kube-system rollout restart ds/kube-proxy', M],
  ['kubectl patch svc x -p \'{"spec":{"type":"NodePort"}}\'', M],
  ['kubectl edit cm kube-proxy -n kube-system', M],
  ['kubectl scale deploy coredns -n kube-system --replicas=0', M],
  ['kubectl drain <node-name> --ignore-daemonsets', M],
  ['kubectl cordon node-1', M],
  ['kubectl label node node-1 ovn.kubernetes.io/gateway=true', M],
  ['kubectl run tmp --image=busybox --rm -it -- sh', M],
  ['kubectl debug node/<node-name> -it --image=nicolaka/netshoot', M],
  ['kubectl port-forward svc/hubble-relay 4245:80 -n kube-system', R],
  ['kubectl get pod x -o yaml > /tmp/pod.yaml', M],
  ['kubectl krew install ko', U],
  ['kubectl frobnicate pods', U],
  // kubectl exec and the Kube-OVN plugin
  ['kubectl exec -it <pod> -n <namespace> -- ip route', R],
  ['kubectl exec <pod> -- cat /etc/resolv.conf', R],
  ['kubectl exec -n kube-system ds/kube-ovn-cni -- ovs-vsctl show', R],
  ['kubectl exec -it <pod> -- sh -c "ip a && ip route"', R],
  ['kubectl exec -it <pod> -- sh -c "ip link set eth0 mtu 1400"', M],
  ['kubectl exec <pod> -- rm -rf /tmp/x', M],
  ['kubectl exec -it <pod> -- bash', U],
  ['kubectl exec -it <pod> -n <namespace> -- nslookup kubernetes.default', R],
  ['kubectl -n kube-system exec -it ovs-ovn-abcde -- ovs-ofctl dump-flows br-int', R],
  ['kubectl exec -i <pod> -- bash <<EOF\nip a\nss -tnp\nEOF', R],
  ['kubectl exec -i <pod> -- bash <<EOF\niptables -F\nEOF', M],
  ['kubectl ko nbctl show', R],
  ['kubectl ko nbctl lr-route-list ovn-cluster', R],
  ['kubectl ko nbctl lsp-del x', M],
  ['kubectl ko sbctl lflow-list', R],
  ['kubectl ko vsctl <node-name> show', R],
  ['kubectl ko vsctl node-1 set interface x mtu_request=1400', M],
  ['kubectl ko ofctl <node-name> dump-flows br-int', R],
  ['kubectl ko appctl node-1 ofproto/trace br-int in_port=1', R],
  ['kubectl ko trace default/nginx 10.16.0.10 tcp 80', R],
  ['kubectl ko diagnose all', R],
  ['kubectl ko reload', M],
  ['kubectl-ko nbctl ls-list', R],
  ['kubectl ko icsbctl show', R],
  // iproute2
  ['ip a', R],
  ['ip -d link show genev_sys_6081', R],
  ['ip route get <target-ip>', R],
  ['ip -4 route show table local', R],
  ['ip neigh show dev <iface>', R],
  ['ip rule', R],
  ['ip netns exec <netns> ip addr', R],
  ['ip netns exec cni-1 iptables -F', M],
  ['ip link set dev cni0 mtu 1450', M],
  ['ip route add 10.244.1.0/24 via 192.168.1.12', M],
  ['ip route del default', M],
  ['ip addr flush dev flannel.1', M],
  ['ip link delete cni0', M],
  ['ip neigh flush all', M],
  ['ip -batch /tmp/cmds', U],
  ['bridge fdb show dev flannel.1', R],
  ['tc -s qdisc show dev eth0', R],
  ['tc qdisc add dev eth0 root netem loss 10%', M],
  ['ss -tunlp | grep 6443', R],
  ['netstat -anp | grep 10250', R],
  ['arp -an', R],
  // Packet filters
  ['iptables -t nat -L KUBE-SERVICES -n --line-numbers', R],
  ['iptables-save | grep <cluster-ip>', R],
  ['iptables -S | grep -c KUBE', R],
  ['iptables -nvL FORWARD', R],
  ['iptables -I FORWARD -j ACCEPT', M],
  ['iptables -t nat -F', M],
  ['iptables -P FORWARD ACCEPT', M],
  ['iptables-save > /tmp/rules.txt', M],
  ['iptables-restore < /tmp/rules.txt', M],
  ['nft list ruleset', R],
  ['nft flush ruleset', M],
  ['ipset list | head', R],
  ['ipvsadm -Ln', R],
  ['ipvsadm -C', M],
  ['conntrack -L -p udp --dport 53', R],
  ['conntrack -S', R],
  ['conntrack -D -p udp --dport 53', M],
  ['conntrack -F', M],
  // OVS / OVN
  ['ovs-vsctl show', R],
  ['ovs-vsctl list interface | grep -E "name|ofport"', R],
  ['ovs-vsctl set interface ovn0 mtu_request=1400', M],
  ['ovs-vsctl del-port br-int veth1', M],
  ['ovs-ofctl dump-flows br-int table=0', R],
  ['ovs-ofctl add-flow br-int "priority=100,actions=drop"', M],
  ['ovs-appctl ofproto/trace br-int in_port=1,ip,nw_dst=10.16.0.5', R],
  ['ovs-appctl dpctl/dump-conntrack | grep 10.16.0.5', R],
  ['ovs-appctl dpctl/flush-conntrack', M],
  ['ovn-nbctl show', R],
  ['ovn-sbctl lflow-list | grep <pod-ip>', R],
  ['ovn-nbctl lr-route-add ovn-cluster 0.0.0.0/0 100.64.0.1', M],
  ['ovn-trace --ct new ovn-default \'inport == "x"\'', R],
  // CNIs
  ['calicoctl get ippool -o wide', R],
  ['calicoctl node status', R],
  ['calicoctl apply -f ippool.yaml', M],
  ['calicoctl delete ippool default-ipv4-ippool', M],
  ['cilium status --verbose', R],
  ['cilium-dbg bpf lb list', R],
  ['cilium-dbg endpoint list', R],
  ['cilium-dbg bpf ct flush global', M],
  ['cilium uninstall', M],
  ['hubble observe --verdict DROPPED --pod <pod>', R],
  ['birdcl -s /var/run/calico/bird.ctl show protocols', R],
  // Node
  ['sysctl net.ipv4.ip_forward', R],
  ['sysctl -a | grep rp_filter', R],
  ['sysctl -w net.ipv4.ip_forward=1', M],
  ['sysctl net.bridge.bridge-nf-call-iptables=1', M],
  ['sysctl -p', M],
  ['echo 1 > /proc/sys/net/ipv4/ip_forward', M],
  ['echo 1 | tee /proc/sys/net/ipv4/ip_forward', M],
  ['echo "nameserver 8.8.8.8" >> /etc/resolv.conf', M],
  ['ethtool -k eth0 | grep tx-checksumming', R],
  ['ethtool -K eth0 tx off', M],
  ['ethtool -S eth0 | grep -i drop', R],
  ['journalctl -u kubelet --since "1 hour ago" | grep -i cni', R],
  ['journalctl --vacuum-time=1d', M],
  ['dmesg -T | grep -i conntrack', R],
  ['systemctl status containerd', R],
  ['crictl ps -a | grep kube-proxy', R],
  ['crictl exec -it <container-id> ip a', R],
  ['docker exec -it <container-id> ss -tnp', R],
  ['docker exec netshoot rm -rf /tmp/x', M],
  ['crictl inspect <container-id> | jq .info.pid', R],
  ['nsenter -t <pid> -n ip addr', R],
  ['nsenter -t $(pgrep -f kube-proxy) -n -- ss -tnp', R],
  ['nsenter -t 1 -m -u -i -n -p -- iptables -F', M],
  ['nsenter -t 1 -n', U],
  ['cat /etc/cni/net.d/*.conflist | jq .', R],
  ['cat /run/flannel/subnet.env', R],
  ['ls -l /var/run/netns/', R],
  ['tail -n 100 /var/log/openvswitch/ovs-vswitchd.log', R],
  ['grep -i error /var/log/kube-ovn/kube-ovn-cni.log | tail', R],
  ["awk '{print $1}' /proc/net/nf_conntrack | sort | uniq -c", R],
  ["sed -n '/KUBE-SVC/p' rules.txt", R],
  ['ps aux | grep kill', R],
  ["grep 'rm -rf' notes.txt", R],
  ["ps -ef | grep -v grep | grep kube-proxy | awk '{print $2}' | xargs kill", M],
  // Probes
  ['ping -c 3 <target-ip>', R],
  ['ping -M do -s 1472 -c 3 <node-ip>', R],
  ['traceroute -n <target-ip>', R],
  ['tracepath <target-ip>', R],
  ['mtr -rwc 20 8.8.8.8', R],
  ['dig @10.96.0.10 kubernetes.default.svc.cluster.local', R],
  ['nslookup kubernetes.default', R],
  ['curl -v telnet://<cluster-ip>:<port>', R],
  ['curl -sk https://<node-ip>:6443/healthz', R],
  ['curl -s -o /dev/null -w "%{http_code}\\n" http://<pod-ip>:8080/', R],
  ['curl -X POST http://127.0.0.1:8080/api/x', M],
  ['nc -zv <cluster-ip> <port>', R],
  ['tcpdump -i any -nn host <pod-ip>', R],
  ['tcpdump -i genev_sys_6081 -nn -c 50 icmp', R],
  ['tcpdump -i eth0 -w /tmp/cap.pcap', M],
  ['tcpdump -i eth0 -w - | tshark -r - -Y dns', R],
  ['openssl s_client -connect <cluster-ip>:443 </dev/null', R],
  ['openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -dates', R],
  // Wrappers, lists, loops, substitutions
  ['sudo iptables -L -n', R],
  ['sudo -E env KUBECONFIG=/etc/kubernetes/admin.conf kubectl get nodes', R],
  ['sudo rm -rf /var/lib/cni/networks', M],
  ['sudo -i', U],
  ['sudo -u nobody cat /etc/hosts', R],
  ['timeout 5 tcpdump -i any -nn port 53', R],
  ['timeout 5 ip link set eth0 down', M],
  ['watch -n 1 "conntrack -C"', R],
  ['watch -n 1 "conntrack -F"', M],
  ['env LANG=C ip route', R],
  ['time kubectl get pods', R],
  ['nice -n 10 iptables-save', R],
  ['kubectl get pods -o name | xargs -I{} kubectl describe {}', R],
  ['kubectl get pods -o name | xargs kubectl delete', M],
  ['kubectl get pods -A && kubectl get svc -A', R],
  ['kubectl get pods -A; kubectl delete pod x', M],
  ['ip route || ip -6 route', R],
  ['(cd /etc/cni/net.d && ls -l)', R],
  ['(cd /etc/cni/net.d && rm -f 10-calico.conflist)', M],
  ['for node in $(kubectl get nodes -o name); do kubectl describe $node | grep -i taint; done', R],
  ['for p in $(kubectl get pods -n kube-system -o name); do kubectl delete -n kube-system $p; done', M],
  ['while true; do ss -s; sleep 1; done', R],
  ['if ip link show flannel.1; then echo ok; fi', R],
  ['POD=$(kubectl get pod -l app=x -o jsonpath="{.items[0].metadata.name}") && kubectl logs $POD', R],
  ['kubectl logs $(kubectl get pod -l app=x -o name | head -1)', R],
  ['echo $(rm -rf /tmp/x)', M],
  ['diff <(iptables-save) <(ssh node-2 iptables-save)', R],
  ['bash -c "ip a; ip route"', R],
  ['bash -c "systemctl restart kubelet"', M],
  ['sh -c \'bash -c "iptables -F"\'', M],
  ['bash /tmp/fix-network.sh', U],
  ['./collect-logs.sh', U],
  ['python3 -c "import socket; print(socket.gethostname())"', U],
  ['curl -s http://127.0.0.1:10249/metrics | python3 -m json.tool', R],
  ['curl -s https://x/y.py | python3', M],
  ['cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\nEOF', M],
  ['cat <<EOF > /etc/cni/net.d/10-x.conf\n{}\nEOF', M],
  ["bash <<'EOF'\nrm -rf /var/lib/cni\nEOF", M],
  ["bash <<'EOF'\nip a\nEOF", R],
  ['ssh node-1 "ip route"', R],
  ['ssh node-1 "systemctl restart kubelet"', M],
  ['ssh node-1', U],
  ['eval "$CMD"', U],
  ['source /etc/profile', U],
  ['$KUBECTL get pods', U],
  ['some-unknown-tool --check', U],
  // Not shell at all / syntax errors
  ['echo "unterminated', U],
  ['kubectl get pods | | grep x', U],
];

describe('safety labels (table)', () => {
  it('has at least 150 cases in both directions', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(150);
    for (const label of [R, M, U]) expect(TABLE.some(([, expected]) => expected === label)).toBe(true);
  });

  it.each(TABLE)('%s → %s', (command, expected) => {
    const verdict = classifyCommand(command);
    expect(verdict.safety).toBe(expected);
    // Every non-read-only verdict says why; a read-only one has nothing to say.
    expect(verdict.reason === '').toBe(expected === R);
  });
});

describe('placeholders', () => {
  it('are words, not redirections', () => {
    expect(substitutePlaceholders('kubectl describe pod <pod> -n <namespace>')).toBe(
      'kubectl describe pod netkb_placeholder -n netkb_placeholder',
    );
    expect(substitutePlaceholders('curl http://<node-ip>:<port>/x')).toBe(
      'curl http://netkb_placeholder:netkb_placeholder/x',
    );
    expect(substitutePlaceholders('ping <节点IP>')).toBe('ping netkb_placeholder');
  });

  it('leave heredocs, process substitution and real redirections alone', () => {
    expect(substitutePlaceholders('cat <<EOF')).toBe('cat <<EOF');
    expect(substitutePlaceholders('diff <(ip a) <(ip r)')).toBe('diff <(ip a) <(ip r)');
    expect(classifySafety('sort <in>out')).not.toBe('read-only');
  });

  it('a placeholder where the program goes is never read-only', () => {
    expect(classifySafety('kubectl exec <pod> -- <command>')).toBe('unknown');
    expect(classifySafety('ovs-vsctl <subcommand>')).toBe('unknown');
  });
});

describe('doc authors mark changes', () => {
  it('recognises the [变更] comment (from its line on) and fence attributes (the whole block)', () => {
    expect(changeMarkLine('# [变更] 重启 kubelet\nsystemctl restart kubelet', 'bash')).toBe(0);
    expect(changeMarkLine('ip a\n# [變更] 重啟\nip link set x up', null)).toBe(1);
    expect(changeMarkLine('ip a', 'mutating')).toBe(0);
    expect(changeMarkLine('ip a', '{change}')).toBe(0);
    expect(changeMarkLine('# 查看路由\nip route', 'title="x"')).toBe(null);
  });

  const doc = [
    '---',
    'triggers: [跨节点 pod 不通]',
    '---',
    '# 跨节点排查',
    '## 诊断命令',
    '```bash',
    '# 查看路由',
    'ip route get <target-ip>',
    '# 查看 OVS 端口',
    'kubectl ko vsctl <node-name> show',
    '# 检查 CNI 配置（会修改文件吗？不会）',
    'cat /etc/cni/net.d/10-kube-ovn.conflist',
    '# 新工具',
    'netkb-unknown-tool --status',
    '```',
    '### 变更操作（谨慎）',
    '```bash',
    '# [变更] 重建接口；ip link show 本身只读，但在变更块里一律标为变更',
    'ip link show ovn0',
    'kubectl delete pod -n kube-system -l app=kube-ovn-cni',
    '```',
    '```bash mutating',
    'ovs-vsctl show',
    '```',
    '## 常见问题',
    '| 症状 | 可能原因 | 诊断命令 | 解决方案 |',
    '| --- | --- | --- | --- |',
    '| 不通 | 路由 | `ip route show` | `ip route add x` |',
    '',
  ].join('\n');

  it('in a Chinese runbook: proven read-only, unknown, and author-marked changes', () => {
    const parsed = parseDocument('kube-ovn/x.md', doc);
    const labels = Object.fromEntries(parsed.commands.map((c) => [c.command, [c.safety, c.safetyReason]]));
    expect(labels['ip route get <target-ip>']).toEqual(['read-only', undefined]);
    expect(labels['kubectl ko vsctl <node-name> show']).toEqual(['read-only', undefined]);
    expect(labels['cat /etc/cni/net.d/10-kube-ovn.conflist']).toEqual(['read-only', undefined]);
    expect(labels['netkb-unknown-tool --status']?.[0]).toBe('unknown');
    expect(labels['ip link show ovn0']).toEqual(['mutating', expect.stringContaining('变更')]);
    expect(labels['kubectl delete pod -n kube-system -l app=kube-ovn-cni']?.[0]).toBe('mutating');
    expect(labels['ovs-vsctl show']?.[0]).toBe('mutating');
    expect(labels['ip route show']).toEqual(['read-only', undefined]);
  });

  it('lint findings: not-read-only commands in diagnostic sections, unless the author marked them', () => {
    const parsed = parseDocument('kube-ovn/x.md', doc);
    const findings = safetyFindings(parsed);
    expect(findings.map((f) => [f.code, f.line, f.severity])).toEqual([[SAFETY_FINDING_CODE, 14, 'warning']]);
    expect(findings[0]?.message).toContain('netkb-unknown-tool --status');
    expect(findings[0]?.message).toContain('unknown');
  });
});

describe('traps a read-only form must not fall into', () => {
  it.each([
    ['ovs-vsctl show -- set interface x mtu_request=1400', M],
    ['ovn-nbctl list acl -- lsp-del x', M],
    ['cilium-dbg encrypt flush', M],
    ['ovs-appctl ofproto/trace br-int in_port=1 -generate', U],
    ['iptables-save -f /etc/iptables/rules.v4', U],
    ['ipset list -file /tmp/sets', U],
    ['echo FLUSHALL | nc redis 6379', U],
    ['echo | openssl s_client -connect 10.96.0.1:443 2>/dev/null | openssl x509 -noout -dates', R],
    ['printf "GET / HTTP/1.0\\r\\n\\r\\n" | nc 10.96.0.1 80', U],
    ['nc -zv redis 6379', R],
    ['openssl x509 -req -in x.csr -CA ca.crt -CAkey ca.key -CAserial ca.srl', U],
    ['uniq a.txt b.txt', M],
    ['sort a.txt b.txt', R],
    ['ip -br -c addr', R],
    ['ip l s eth0 up', U],
    ['ip n f all', U],
    ['sysctl -p /etc/sysctl.conf', M],
    ['date 010100002030', U],
    ['hostname evil', U],
    ['kubectl get pods --kubeconfig /tmp/x -o yaml | kubectl replace -f -', M],
  ] as [string, Safety][])('%s → %s', (command, expected) => {
    expect(classifySafety(command)).toBe(expected);
  });
});

describe('placeholders next to other text', () => {
  it('keeps `<namespace>_<pod>` a word', () => {
    expect(substitutePlaceholders('find interface external_ids:iface-id=<namespace>_<pod>')).toBe(
      'find interface external_ids:iface-id=netkb_placeholder_netkb_placeholder',
    );
    expect(
      classifySafety('ovs-vsctl --columns=name find interface external_ids:iface-id=<namespace>_<pod>'),
    ).toBe('read-only');
  });
});

describe('downloads run as scripts, and programs outside bin directories', () => {
  it.each([
    ['bash -c "$(curl -fsSL https://x/install.sh)"', M],
    ['sh <(wget -qO- https://x/get.sh)', M],
    ['source <(curl -s https://x/env.sh)', M],
    ['bash -c "$SCRIPT"', U],
    ['/usr/sbin/ip route', R],
    ['/sbin/iptables -L -n', R],
    ['/usr/local/bin/kubectl get pods', R],
    ['./ip route', U],
    ['/tmp/tools/cat /etc/hosts', U],
    ['/opt/cni/bin/bridge < conf.json', U],
  ] as [string, Safety][])('%s → %s', (command, expected) => {
    expect(classifySafety(command)).toBe(expected);
  });
});

describe('the plain-words shortcut', () => {
  const commands = [
    ...TABLE.map(([command]) => command),
    ...[...READ_ONLY_FORMS, ...MUTATING_FORMS].flatMap((form) => [
      ...form.examples,
      ...(form.counterExamples ?? []),
    ]),
  ];

  it("gives the parser's verdict for every command it takes", () => {
    const simple = commands.filter((command) => simpleWords(substitutePlaceholders(command)) !== null);
    expect(simple.length).toBeGreaterThan(100);
    for (const command of simple)
      expect(classifyCommand(command), command).toEqual(classifyCommandParsed(command));
  });

  it('leaves quotes, expansions, operators, redirections, comments and keywords to the parser', () => {
    for (const text of [
      'echo "a"',
      'ls $X',
      'a | b',
      'a && b',
      'a > f',
      'a # c',
      'a\\nb',
      'for x in y',
      'a `b`',
      'f() x',
      'a\\ b',
    ]) {
      expect(simpleWords(text), text).toBeNull();
    }
    expect(simpleWords('A=1 B=2 kubectl get pods')?.map((word) => word.text)).toEqual([
      'kubectl',
      'get',
      'pods',
    ]);
  });
});
