/**
 * Known state changes. A stage matching one of these is `mutating` (not merely `unknown`): cluster and datapath
 * changes, service control, package installs, file writes and deletes, downloads into files. Each entry's
 * examples are tests.
 */
import { type CommandForm, hasOption, positionals, shortOptionValues } from './forms.js';
import { IP_OBJECTS } from './read-only-forms.js';

const KUBECTL_VALUE_OPTIONS = [
  '-n',
  '--namespace',
  '--context',
  '--kubeconfig',
  '--cluster',
  '--user',
  '-s',
  '--server',
  '--as',
  '--token',
];

const IP_CHANGES = [
  'set',
  'add',
  'del',
  'delete',
  'flush',
  'replace',
  'change',
  'append',
  'prepend',
  'save',
  'restore',
  'attach',
  'detach',
];

export const MUTATING_FORMS: readonly CommandForm[] = [
  {
    programs: ['kubectl'],
    subcommands: [
      [
        'delete',
        'apply',
        'patch',
        'edit',
        'scale',
        'drain',
        'cordon',
        'uncordon',
        'label',
        'annotate',
        'create',
        'replace',
        'taint',
        'expose',
        'run',
        'set',
        'debug',
        'autoscale',
        'cp',
        'certificate',
      ],
    ],
    valueOptions: KUBECTL_VALUE_OPTIONS,
    note: 'changes Kubernetes objects',
    examples: [
      'kubectl delete pod -n kube-system -l app=kube-ovn-cni',
      'kubectl -n x apply -f np.yaml',
      'kubectl label ns x a=b',
      'kubectl debug node/x -it --image=busybox',
    ],
  },
  {
    programs: ['kubectl'],
    subcommands: [['rollout'], ['restart', 'undo', 'pause', 'resume']],
    valueOptions: KUBECTL_VALUE_OPTIONS,
    note: 'restarts or rolls back a workload',
    examples: ['kubectl rollout restart ds/kube-ovn-cni -n kube-system'],
  },
  {
    programs: ['kubectl'],
    subcommands: [
      ['config'],
      [
        'use-context',
        'set-context',
        'set-cluster',
        'set-credentials',
        'set',
        'unset',
        'delete-context',
        'delete-cluster',
        'rename-context',
        'use',
      ],
    ],
    note: 'changes the kubeconfig',
    examples: ['kubectl config use-context prod'],
  },
  {
    programs: ['kubectl'],
    subcommands: [['ko'], ['reload', 'nb', 'sb', 'log', 'perf', 'diagnose']],
    test: (args) => {
      const words = positionals(args);
      if (words[1] === 'nb' || words[1] === 'sb')
        return ['kick', 'backup', 'restore', 'compact'].includes(words[2] ?? '');
      if (words[1] === 'diagnose') return words[2] === 'perf';
      return true;
    },
    note: 'Kube-OVN plugin: restarts components, changes or backs up OVN databases, creates test pods',
    examples: ['kubectl ko reload', 'kubectl ko nb kick node-1', 'kubectl ko diagnose perf'],
  },
  {
    programs: ['ip'],
    subcommands: [[...IP_OBJECTS, 'netns'], IP_CHANGES],
    valueOptions: ['-n', '-netns'],
    note: 'changes interfaces, addresses, routes or namespaces',
    examples: [
      'ip link set eth0 mtu 1400',
      'ip route add 10.0.0.0/8 via 1.2.3.4',
      'ip netns add x',
      'ip addr flush dev eth0',
      'ip ro add default via 10.16.0.1',
    ],
  },
  {
    programs: [
      'iptables',
      'ip6tables',
      'iptables-legacy',
      'iptables-nft',
      'ip6tables-legacy',
      'ip6tables-nft',
      'ebtables',
      'arptables',
    ],
    options: [
      '-A',
      '-I',
      '-D',
      '-R',
      '-F',
      '-X',
      '-N',
      '-P',
      '-Z',
      '-E',
      '--append',
      '--insert',
      '--delete',
      '--replace',
      '--flush',
      '--delete-chain',
      '--new-chain',
      '--policy',
      '--zero',
      '--rename-chain',
    ],
    note: 'changes packet filter rules',
    examples: ['iptables -I FORWARD -j ACCEPT', 'iptables -t nat -F', 'ip6tables -A INPUT -j DROP'],
  },
  {
    programs: [
      'iptables-restore',
      'ip6tables-restore',
      'iptables-legacy-restore',
      'iptables-nft-restore',
      'ebtables-restore',
      'ipset-restore',
    ],
    note: 'loads packet filter rules',
    examples: ['iptables-restore < rules.v4'],
  },
  {
    programs: ['nft'],
    test: (args) =>
      ['add', 'delete', 'flush', 'insert', 'replace', 'create', 'destroy', 'reset'].includes(
        positionals(args)[0] ?? '',
      ) || hasOption(args, '-f'),
    note: 'changes nftables rules',
    examples: ['nft flush ruleset', 'nft -f /etc/nftables.conf'],
  },
  {
    programs: ['ipset'],
    subcommands: [
      ['add', 'del', 'create', 'destroy', 'flush', 'swap', 'restore', 'rename', '-A', '-D', '-N', '-X', '-F'],
    ],
    note: 'changes IP sets',
    examples: ['ipset flush', 'ipset add x 1.2.3.4'],
  },
  {
    programs: ['sysctl'],
    test: (args) =>
      hasOption(args, '-w') ||
      hasOption(args, '-p') ||
      hasOption(args, '--system') ||
      hasOption(args, '--load') ||
      args.some((arg) => !arg.startsWith('-') && arg.includes('=')),
    note: 'changes kernel parameters',
    examples: [
      'sysctl -w net.ipv4.ip_forward=1',
      'sysctl net.ipv4.ip_forward=1',
      'sysctl -p /etc/sysctl.d/99-k8s.conf',
      'sysctl --system',
    ],
  },
  {
    programs: ['ethtool'],
    options: [
      '-K',
      '--features',
      '--offload',
      '-s',
      '--change',
      '-G',
      '--set-ring',
      '-L',
      '--set-channels',
      '-A',
      '--pause',
      '-C',
      '--coalesce',
      '-N',
      '-U',
      '--config-nfc',
      '--config-ntuple',
      '-X',
      '--set-rxfh-indir',
      '-E',
      '--change-eeprom',
      '-r',
      '--negotiate',
      '-f',
      '--flash',
      '-t',
      '--test',
      '-p',
      '--identify',
      '--set-priv-flags',
      '--set-eee',
      '--set-fec',
      '--reset',
    ],
    note: 'changes NIC settings',
    examples: ['ethtool -K eth0 tx off', 'ethtool -s eth0 speed 1000 duplex full'],
  },
  {
    programs: ['ovs-vsctl'],
    test: (args) =>
      positionals(args, ['--db', '-t', '--timeout']).some((word) =>
        /^(?:set|add|del|remove|clear|create|destroy|add-br|add-port|add-bond|add-bond-iface|del-br|del-port|del-bond-iface|set-manager|del-manager|set-controller|del-controller|set-fail-mode|del-fail-mode|set-ssl|del-ssl|emer-reset|init|add-zone-tp|del-zone-tp|add-zone-limit|del-zone-limit|set-zone-limit)$/.test(
          word,
        ),
      ),
    note: 'changes the OVS database',
    examples: [
      'ovs-vsctl set interface x mtu_request=1400',
      'ovs-vsctl del-port br-int x',
      'ovs-vsctl --may-exist add-br br0',
    ],
  },
  {
    programs: ['ovs-ofctl'],
    test: (args) =>
      positionals(args, ['-O', '--protocols']).some((word) =>
        /^(?:add-flows?|del-flows|mod-flows|replace-flows|diff-flows|mod-port|mod-table|add-group|add-groups|del-groups|mod-group|insert-buckets|remove-buckets|add-meter|del-meters?|mod-meter|packet-out|bundle|add-tlv-map|del-tlv-map)$/.test(
          word,
        ),
      ),
    note: 'changes OpenFlow flows',
    examples: ['ovs-ofctl add-flow br-int priority=100,actions=drop', 'ovs-ofctl del-flows br-int'],
  },
  {
    programs: ['ovs-appctl', 'ovn-appctl'],
    test: (args) =>
      positionals(args, ['-t', '--target']).some((word) =>
        /^(?:dpctl\/(?:add|del|mod|flush)-\S*|fdb\/flush|vlog\/set|vlog\/reopen|exit|ct-zone-clear|recompute|inc-engine\/recompute|cluster\/leave|cluster\/kick|ovsdb-server\/compact|dpctl\/ct-set-\S*|ofproto\/tnl-push-pop|netdev-dummy\/\S*|ovs\/route\/(?:add|del)|tnl\/(?:arp|neigh)\/(?:set|flush)|lacp\/.*-set|bond\/set-\S*|bond\/enable-\S*|bond\/disable-\S*)$/.test(
          word,
        ),
      ),
    note: 'changes the running OVS/OVN daemon',
    examples: [
      'ovs-appctl dpctl/flush-conntrack',
      'ovs-appctl vlog/set dbg',
      'ovn-appctl -t ovn-controller recompute',
    ],
  },
  {
    programs: ['ovn-nbctl', 'ovn-sbctl', 'ovn-ic-nbctl', 'ovn-ic-sbctl', 'nbctl', 'sbctl'],
    test: (args) =>
      positionals(args, ['--db', '-t', '--timeout']).some((word) =>
        /^(?:[\w-]+-(?:add|del|set|clear)(?:-[\w-]+)?|set|create|destroy|clear|remove|add|init|[\w-]+-set-[\w-]+)$/.test(
          word,
        ),
      ),
    note: 'changes the OVN database',
    examples: [
      'ovn-nbctl lsp-del x',
      'ovn-nbctl set logical_switch x other_config:y=1',
      'ovn-sbctl chassis-del x',
      'ovn-nbctl lr-route-add r 0.0.0.0/0 1.2.3.4',
    ],
  },
  {
    programs: ['systemctl'],
    subcommands: [
      [
        'restart',
        'stop',
        'start',
        'reload',
        'disable',
        'enable',
        'kill',
        'mask',
        'unmask',
        'daemon-reload',
        'try-restart',
        'reload-or-restart',
        'isolate',
        'reboot',
        'poweroff',
        'halt',
        'edit',
        'set-property',
        'reset-failed',
        'preset',
      ],
    ],
    valueOptions: ['-H', '--host', '-M', '--machine'],
    note: 'controls services',
    examples: ['systemctl restart kubelet', 'systemctl daemon-reload', 'systemctl stop firewalld'],
  },
  {
    programs: ['service'],
    test: (args) =>
      ['restart', 'stop', 'start', 'reload', 'force-reload', 'condrestart'].includes(args[1] ?? ''),
    note: 'controls services',
    examples: ['service docker restart'],
  },
  {
    programs: ['conntrack'],
    options: ['-D', '-F', '-I', '-U', '--delete', '--flush', '--create', '--update', '-z', '--zero'],
    note: 'changes connection tracking entries',
    examples: ['conntrack -D -p udp --dport 53', 'conntrack -F'],
  },
  {
    programs: ['ipvsadm'],
    options: [
      '-A',
      '-E',
      '-D',
      '-C',
      '-a',
      '-e',
      '-d',
      '-R',
      '-X',
      '--add-service',
      '--edit-service',
      '--delete-service',
      '--clear',
      '--add-server',
      '--edit-server',
      '--delete-server',
      '--restore',
      '--set',
      '-Z',
      '--zero',
      '--start-daemon',
      '--stop-daemon',
    ],
    note: 'changes IPVS virtual servers',
    examples: ['ipvsadm -C', 'ipvsadm -D -t 10.96.0.1:443'],
  },
  {
    programs: ['tc'],
    test: (args) =>
      positionals(args, ['-n', '-netns'])
        .slice(1)
        .some((word) => ['add', 'del', 'delete', 'change', 'replace', 'link'].includes(word)),
    note: 'changes traffic control',
    examples: ['tc qdisc add dev eth0 root netem delay 100ms', 'tc filter del dev eth0 ingress'],
  },
  {
    programs: ['bridge'],
    test: (args) =>
      positionals(args)
        .slice(1)
        .some((word) =>
          ['add', 'del', 'delete', 'replace', 'append', 'set', 'change', 'flush'].includes(word),
        ),
    note: 'changes bridge FDB, VLANs or ports',
    examples: ['bridge fdb add 00:11:22:33:44:55 dev vxlan0 dst 10.0.0.2'],
  },
  {
    programs: ['brctl'],
    subcommands: [
      [
        'addbr',
        'delbr',
        'addif',
        'delif',
        'setageing',
        'setbridgeprio',
        'stp',
        'sethello',
        'setmaxage',
        'setpathcost',
        'setportprio',
        'hairpin',
      ],
    ],
    note: 'changes Linux bridges',
    examples: ['brctl addif br0 eth0'],
  },
  {
    programs: ['arp'],
    options: ['-d', '-s', '-f', '--delete', '--set', '--file'],
    note: 'changes the ARP table',
    examples: ['arp -d 10.0.0.1', 'arp -s 10.0.0.1 00:11:22:33:44:55'],
  },
  {
    programs: ['route'],
    subcommands: [['add', 'del']],
    note: 'changes routes',
    examples: ['route add default gw 10.0.0.1'],
  },
  {
    programs: ['ifconfig'],
    test: (args) => args.length >= 2,
    note: 'changes an interface',
    examples: ['ifconfig eth0 down', 'ifconfig eth0 mtu 1400'],
  },
  {
    programs: ['ifup', 'ifdown', 'netplan', 'ifenslave', 'vconfig', 'tunctl'],
    note: 'changes network configuration',
    examples: ['ifdown eth0', 'netplan apply'],
  },
  {
    programs: ['nmcli'],
    test: (args) =>
      positionals(args).some((word) =>
        [
          'modify',
          'up',
          'down',
          'delete',
          'add',
          'reload',
          'connect',
          'disconnect',
          'set',
          'on',
          'off',
          'load',
          'import',
        ].includes(word),
      ),
    note: 'changes NetworkManager connections',
    examples: ['nmcli connection modify eth0 ipv4.dns 1.1.1.1', 'nmcli device disconnect eth1'],
  },
  {
    programs: ['ovs-dpctl'],
    subcommands: [
      [
        'add-dp',
        'del-dp',
        'add-if',
        'set-if',
        'del-if',
        'add-flow',
        'mod-flow',
        'del-flow',
        'del-flows',
        'flush-conntrack',
        'ct-set-maxconns',
        'ct-set-limits',
        'ct-del-limits',
      ],
    ],
    note: 'changes the kernel datapath',
    examples: ['ovs-dpctl del-flows'],
  },
  {
    programs: ['calicoctl'],
    subcommands: [
      [
        'apply',
        'create',
        'delete',
        'replace',
        'patch',
        'label',
        'ipam',
        'node',
        'datastore',
        'convert',
        'cluster',
      ],
    ],
    test: (args) => {
      const [verb, sub] = positionals(args, ['-n', '--namespace', '-c', '--config']);
      if (verb === 'ipam')
        return (
          ['release', 'split', 'configure'].includes(sub ?? '') ||
          hasOption(args, '-o') ||
          hasOption(args, '--output')
        );
      if (verb === 'node') return ['run', 'diags'].includes(sub ?? '');
      if (verb === 'datastore') return sub === 'migrate';
      if (verb === 'cluster') return sub === 'diags';
      return true;
    },
    note: 'changes Calico resources or writes reports',
    examples: [
      'calicoctl apply -f pool.yaml',
      'calicoctl ipam release --ip=10.0.0.1',
      'calicoctl delete bgppeer x',
    ],
  },
  {
    programs: ['cilium', 'cilium-dbg'],
    test: (args) => {
      const words = positionals(args, ['-n', '--namespace', '-o', '--output']);
      if (
        [
          'install',
          'uninstall',
          'upgrade',
          'cleanup',
          'sysdump',
          'clustermesh',
          'connectivity',
          'post-mortem',
        ].includes(words[0] ?? '')
      )
        return true;
      if (words[0] === 'config') return words.slice(1).some((word) => word.includes('='));
      return (
        words
          .slice(1)
          .some((word) =>
            [
              'delete',
              'update',
              'add',
              'flush',
              'set',
              'import',
              'regenerate',
              'disable',
              'enable',
              'clean',
              'upsert',
            ].includes(word),
          ) || words.slice(1).some((word) => word.includes('='))
      );
    },
    note: 'changes Cilium state or installs it',
    examples: [
      'cilium uninstall',
      'cilium-dbg cleanup -f',
      'cilium-dbg bpf ct flush global',
      'cilium connectivity test',
      'cilium-dbg config Debug=true',
    ],
  },
  {
    programs: ['helm'],
    subcommands: [
      [
        'install',
        'upgrade',
        'uninstall',
        'delete',
        'rollback',
        'repo',
        'plugin',
        'pull',
        'push',
        'package',
        'dependency',
        'registry',
      ],
    ],
    note: 'installs or changes a Helm release',
    examples: ['helm upgrade cilium cilium/cilium -n kube-system --reuse-values', 'helm uninstall x'],
  },
  {
    programs: ['crictl', 'docker', 'nerdctl', 'podman', 'ctr'],
    test: (args) =>
      positionals(args, ['-n', '--namespace', '-r', '--runtime-endpoint']).some((word) =>
        /^(?:rm|rmi|rmp|stop|stopp|kill|restart|run|runp|create|start|pull|push|prune|update|load|import|save|export|build|cp|commit|tag|login|logout|pause|unpause|rename)$/.test(
          word,
        ),
      ),
    note: 'changes containers or images',
    examples: [
      'crictl rmp -a',
      'crictl stopp x',
      'docker rm -f x',
      'docker run --rm -it nicolaka/netshoot',
      'docker image prune -af',
    ],
  },
  {
    programs: ['etcdctl'],
    subcommands: [
      [
        'put',
        'del',
        'txn',
        'compaction',
        'defrag',
        'lease',
        'lock',
        'elect',
        'make-mirror',
        'migrate',
        'snapshot',
        'user',
        'role',
        'auth',
        'move-leader',
        'alarm',
        'downgrade',
      ],
    ],
    valueOptions: ['--endpoints', '--cacert', '--cert', '--key', '-w', '--write-out'],
    test: (args) =>
      !(
        positionals(args, ['--endpoints', '--cacert', '--cert', '--key', '-w', '--write-out'])[0] ===
          'alarm' &&
        positionals(args, ['--endpoints', '--cacert', '--cert', '--key', '-w', '--write-out'])[1] === 'list'
      ),
    note: 'changes etcd data',
    examples: ['etcdctl del --prefix /', 'etcdctl put /x y', 'etcdctl defrag'],
  },
  {
    programs: ['etcdctl'],
    subcommands: [['member'], ['add', 'remove', 'update', 'promote']],
    note: 'changes etcd membership',
    examples: ['etcdctl member remove 1234'],
  },
  {
    programs: ['kubeadm'],
    subcommands: [['init', 'join', 'reset', 'upgrade', 'certs', 'token', 'kubeconfig', 'alpha', 'config']],
    test: (args) => {
      const [verb, sub] = positionals(args);
      if (verb === 'certs') return sub === 'renew' || sub === 'generate-csr' || sub === 'certificate-key';
      if (verb === 'token') return ['create', 'delete', 'generate'].includes(sub ?? '');
      if (verb === 'config')
        return (
          ['migrate', 'images'].includes(sub ?? '') && !(sub === 'images' && positionals(args)[2] === 'list')
        );
      if (verb === 'upgrade') return sub === 'apply' || sub === 'node';
      return true;
    },
    note: 'changes the control plane or node',
    examples: ['kubeadm reset -f', 'kubeadm certs renew all', 'kubeadm upgrade apply v1.30.0'],
  },
  {
    programs: ['openssl'],
    options: [
      '-out',
      '-keyout',
      '-new',
      '-newkey',
      '-genkey',
      '-CAcreateserial',
      '-writerand',
      '-sess_out',
      '-signkey',
    ],
    note: 'writes keys or certificates',
    examples: ['openssl req -new -x509 -out /etc/kubernetes/pki/ca.crt', 'openssl genrsa -out x.key 2048'],
  },
  {
    programs: ['openssl'],
    subcommands: [['genrsa', 'genpkey', 'ca', 'rand']],
    test: (args) => positionals(args)[0] !== 'rand' || hasOption(args, '-out'),
    note: 'generates keys or signs certificates',
    examples: ['openssl genrsa 2048'],
  },
  // Processes, kernel modules, power
  {
    programs: [
      'kill',
      'killall',
      'pkill',
      'skill',
      'renice',
      'ionice',
      'modprobe',
      'rmmod',
      'insmod',
      'depmod',
      'reboot',
      'shutdown',
      'poweroff',
      'halt',
      'init',
      'telinit',
      'swapoff',
      'swapon',
      'mount',
      'umount',
      'mkfs',
      'fdisk',
      'parted',
      'wipefs',
      'losetup',
      'setenforce',
      'hwclock',
      'update-alternatives',
      'crontab',
      'at',
      'useradd',
      'userdel',
      'usermod',
      'passwd',
      'chpasswd',
      'visudo',
      'ldconfig',
      'update-ca-certificates',
      'iscsiadm',
      'disown',
      'setcap',
      'chcon',
      'restorecon',
      'semanage',
      'ufw',
      'tuned-adm',
      'cpupower',
      'irqbalance',
    ],
    note: 'kills processes, loads modules, mounts, reboots or changes system settings',
    examples: [
      'kill -9 1234',
      'pkill -f kube-proxy',
      'modprobe br_netfilter',
      'reboot',
      'mount -t bpf bpf /sys/fs/bpf',
    ],
  },
  // Files
  {
    programs: [
      'rm',
      'rmdir',
      'shred',
      'unlink',
      'truncate',
      'mv',
      'cp',
      'install',
      'ln',
      'touch',
      'mkdir',
      'chmod',
      'chown',
      'chgrp',
      'chattr',
      'setfacl',
      'dd',
      'rsync',
      'scp',
      'sftp',
      'tar',
      'unzip',
      'gunzip',
      'gzip',
      'bunzip2',
      'xz',
      'patch',
      'mkfifo',
      'mknod',
      'vi',
      'vim',
      'nano',
      'emacs',
      'ed',
      'sponge',
      'split',
      'csplit',
      'mktemp',
      'make',
      'tee',
      'sed',
      'yq',
      'xxd',
      'tree',
      'sort',
      'uniq',
    ],
    note: 'writes, moves or deletes files (or may: editors, build tools, archivers)',
    examples: [
      'rm -rf /var/lib/cni/networks/*',
      'chmod 777 /etc/kubernetes',
      'cp /dev/null /etc/resolv.conf',
      'ln -sf /dev/null /etc/resolv.conf',
      'make install',
      "sed -i 's/a/b/' x",
      'tee -a /etc/hosts',
    ],
  },
  {
    programs: ['find'],
    options: ['-delete', '-fprint', '-fprint0', '-fprintf', '-fls'],
    note: 'deletes files or writes file lists',
    examples: ['find / -delete', 'find /var/lib/cni -name "*.lock" -delete'],
  },
  {
    programs: ['curl'],
    options: [
      '-O',
      '--remote-name',
      '--remote-name-all',
      '--output-dir',
      '--create-dirs',
      '-T',
      '--upload-file',
      '-d',
      '--data',
      '--data-raw',
      '--data-binary',
      '--data-urlencode',
      '--json',
      '-F',
      '--form',
      '-X',
      '--request',
      '-o',
      '--output',
      '-c',
      '--cookie-jar',
    ],
    note: 'downloads into a file or sends data to a server',
    examples: [
      'curl -LO https://github.com/cilium/cilium-cli/releases/latest/download/cilium-linux-amd64.tar.gz',
      'curl -o /usr/local/bin/calicoctl -L https://x',
      'curl -X DELETE http://127.0.0.1:9099/x',
    ],
  },
  {
    programs: ['firewall-cmd'],
    test: (args) =>
      args.some((arg) =>
        /^--(?:add|remove|change|set|new|delete|reload|complete-reload|runtime-to-permanent|panic-on|lockdown-on|permanent|direct|policy-(?:add|remove))/.test(
          arg,
        ),
      ),
    note: 'changes firewalld rules',
    examples: [
      'firewall-cmd --add-port=6443/tcp',
      'firewall-cmd --permanent --add-port=8472/udp',
      'firewall-cmd --reload',
    ],
  },
  {
    programs: ['journalctl'],
    options: [
      '--vacuum-size',
      '--vacuum-time',
      '--vacuum-files',
      '--rotate',
      '--flush',
      '--relinquish-var',
      '--setup-keys',
    ],
    note: 'deletes or rotates journal files',
    examples: ['journalctl --vacuum-time=1d', 'journalctl --rotate'],
  },
  {
    programs: ['dmesg'],
    options: [
      '-c',
      '-C',
      '--clear',
      '--read-clear',
      '-n',
      '--console-level',
      '-D',
      '--console-off',
      '-E',
      '--console-on',
    ],
    note: 'clears the kernel ring buffer or changes console logging',
    examples: ['dmesg -c', 'dmesg -C'],
  },
  {
    programs: ['tcpdump', 'tshark', 'dumpcap'],
    test: (args) => shortOptionValues(args, 'w').some((file) => file !== '-'),
    note: 'writes a capture file',
    examples: ['tcpdump -i eth0 -w /tmp/x.pcap', 'tcpdump -nni any -w /tmp/dns.pcap port 53'],
  },
  {
    programs: ['wget'],
    note: 'downloads into a file',
    examples: ['wget https://x/calico.yaml', 'wget -O /usr/local/bin/x https://x'],
  },
  {
    programs: ['git'],
    subcommands: [
      [
        'apply',
        'am',
        'checkout',
        'switch',
        'reset',
        'clone',
        'pull',
        'fetch',
        'commit',
        'push',
        'merge',
        'rebase',
        'clean',
        'stash',
        'cherry-pick',
        'revert',
        'rm',
        'mv',
        'add',
        'init',
        'restore',
        'submodule',
        'tag',
        'config',
        'gc',
        'prune',
      ],
    ],
    note: 'changes a git repository or working tree',
    examples: [
      'git apply x.patch',
      'git clone https://github.com/tigera/kmods-via-containers',
      'git checkout v1.13.0',
    ],
  },
  {
    programs: ['kind', 'minikube', 'k3d', 'eksctl', 'virtctl', 'subctl', 'kubeadm-join'],
    test: (args) =>
      positionals(args).some((word) =>
        /^(?:create|delete|start|stop|restart|load|deploy|deploy-broker|join|uninstall|migrate|pause|unpause|expose|scale|upgrade|addons|cleanup|soft-reboot|guestfs|image-upload|vnc|usbredir|unregister|register)$/.test(
          word,
        ),
      ),
    note: 'creates, deletes or restarts clusters or VMs',
    examples: [
      'kind create cluster --config config.yaml',
      'minikube start --cni=calico',
      'virtctl restart testvm',
      'eksctl create cluster --name x',
    ],
  },
  {
    programs: [
      'az',
      'gcloud',
      'aws',
      'neutron',
      'nova',
      'openstack',
      'devlink',
      'gobgp',
      'ovsdb-tool',
      'chkconfig',
      'update-rc.d',
      'bfdd-control',
    ],
    test: (args) =>
      positionals(args).some((word) =>
        /(?:^|-)(?:create|delete|update|set|unset|add|del|remove|boot|start|stop|restart|scale|upgrade|enable|disable|reload|reset|compact|convert|join|cluster-to-standalone|on|off|new)$/.test(
          word,
        ),
      ),
    note: 'changes cloud, OpenStack, NIC, BGP or OVSDB state',
    examples: [
      'gcloud compute networks create example-k8s --subnet-mode custom',
      'neutron net-create demo-net',
      'devlink dev param set pci/84:00.0 name x value y cmode runtime',
      'ovsdb-tool cluster-to-standalone a.db b.db',
      'chkconfig openvswitch off',
      'gobgp global rib add 10.0.0.0/24',
    ],
  },
  // Packages and installers
  {
    programs: [
      'apt',
      'apt-get',
      'yum',
      'dnf',
      'apk',
      'zypper',
      'pacman',
      'rpm',
      'dpkg',
      'snap',
      'pip',
      'pip3',
      'npm',
      'brew',
      'gem',
      'krew',
      'kubectl-krew',
    ],
    test: (args) =>
      positionals(args).some((word) =>
        /^(?:install|remove|purge|erase|upgrade|update|autoremove|reinstall|add|del|uninstall|dist-upgrade|downgrade|localinstall|-i|-U|-e|-r|-P|-S|-R)$/.test(
          word,
        ),
      ) ||
      ['-i', '-U', '-e', '-r', '-P', '--install', '--remove', '--purge', '--erase'].some((option) =>
        args.includes(option),
      ),
    note: 'installs or removes packages',
    examples: [
      'apt-get install -y conntrack',
      'yum install -y tcpdump',
      'pip install x',
      'rpm -e x',
      'dpkg -i x.deb',
    ],
  },
];
