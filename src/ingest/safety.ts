import type { Safety } from '../core/types.js';

/**
 * Commands that change cluster, node or datapath state. Matched anywhere in the command, so
 * `kubectl exec pod -- ip link set eth0 mtu 1400` is mutating too. Everything else is read-only.
 */
const MUTATING: RegExp[] = [
  /\bkubectl(?:-ko)?\s+(?:-[-\w=./]+\s+(?:[\w.-]+\s+)?)*(?:delete|apply|patch|edit|scale|drain|cordon|uncordon|label|annotate|create|replace|taint|expose|run|set|debug)(?=\s|$)/,
  /\bkubectl\s+(?:-[-\w=./]+\s+(?:[\w.-]+\s+)?)*rollout\s+(?:restart|undo|pause|resume)(?=\s|$)/,
  /\bip\s+(?:-\S+\s+)*(?:link|l|addr|address|a|route|r|rule|neigh|neighbor|n|netns|tunnel|maddr|xfrm)\s+(?:set|add|del|delete|flush|replace|change|append)\b/,
  /\b(?:ip6?tables|ebtables|arptables)(?:-legacy|-nft)?\s+(?:.*\s)?(?:-[AIDRFXNPZE]|--(?:append|insert|delete|replace|flush|delete-chain|new-chain|policy|zero))\b/,
  /\b(?:ip6?tables|ebtables)-restore\b/,
  /\bnft\s+(?:add|delete|flush|insert|replace|create|-f)\b/,
  /\bipset\s+(?:add|del|create|destroy|flush|swap|restore)\b/,
  /\bsysctl\s+(?:.*\s)?(?:-w\b|\S+=\S*)/,
  /\bethtool\s+(?:.*\s)?-[KGLsACN]\b/,
  /\bovs-vsctl\s+(?:.*\s)?(?:set|add|del|remove|clear|create|destroy|add-br|add-port|add-bond|del-br|del-port|set-manager|set-controller|del-controller|emer-reset)\b/,
  /\bovs-ofctl\s+(?:.*\s)?(?:add-flows?|del-flows|mod-flows|replace-flows|mod-port|add-group|del-groups|mod-group|add-meter|del-meters)\b/,
  /\bovs-appctl\s+(?:.*\s)?(?:dpctl\/(?:add|del|mod|flush)-\S*|fdb\/flush|vlog\/set)\b/,
  /\b(?:ovn-nbctl|ovn-sbctl|nbctl|sbctl)\s+(?:.*\s)?(?:[\w-]+-(?:add|del)|set|create|destroy|clear|remove|add)\b/,
  /\bsystemctl\s+(?:.*\s)?(?:restart|stop|start|reload|disable|enable|kill|mask|daemon-reload)\b/,
  /\bservice\s+\S+\s+(?:restart|stop|start|reload)\b/,
  /\bconntrack\s+(?:.*\s)?(?:-[DFIU]|--(?:delete|flush|create|update))\b/,
  /\bipvsadm\s+(?:.*\s)?(?:-[AEDCaedRX]|--(?:add-service|edit-service|delete-service|clear|add-server|edit-server|delete-server|restore))\b/,
  /\btc\s+(?:qdisc|class|filter)\s+(?:add|del|change|replace)\b/,
  /\bbridge\s+(?:fdb|vlan|link|mdb)\s+(?:add|del|replace|append|set)\b/,
  /\barp\s+(?:.*\s)?-[ds]\b/,
  /\broute\s+(?:add|del)\b/,
  /\b(?:calicoctl|cilium)\s+(?:.*\s)?(?:apply|create|delete|replace|patch|install|uninstall|upgrade|label)\b/,
  /\bhelm\s+(?:install|upgrade|uninstall|delete|rollback)\b/,
  /\b(?:crictl|docker|nerdctl)\s+(?:rm|rmi|stop|kill|restart|run)\b/,
  /\b(?:modprobe|rmmod|insmod|reboot|shutdown|kill|killall|pkill|rm|mv|dd|mkfs|swapoff)\b/,
  // Output redirection into a file (not `2>&1`, not `>/dev/null`, not the `>` closing a `<placeholder>`).
  /(?:^|\s)\d?>>?\s*(?!&)(?!\/dev\/null)[^\s>]/,
  /\btee\b/,
];

export function classifySafety(command: string): Safety {
  return MUTATING.some((pattern) => pattern.test(command)) ? 'mutating' : 'read-only';
}
