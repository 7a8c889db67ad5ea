/**
 * The node a report places its pods on: "pods on worker-2 cannot reach the service", "the pod running on node-3",
 * "worker-2 上的 pod 访问不了", "pod 在 node2 上 ping 不通". Pure.
 *
 * A report often introduces its cluster first (the control plane, then the workers) and only then says where pods
 * fail: the node written so is the one its checks run on, not the first node it writes.
 */
const POD_BEFORE_EN =
  /(?<![\w-])(?:pods?|containers?)(?:\s+(?:that\s+)?(?:running|run|runs|scheduled|deployed|placed|living|sitting))?\s+(?:on|in)\s+(?:the\s+)?(?:node|host|worker|machine)?\s*$/;
const POD_BEFORE_ZH =
  /(?:pod|容器)\s*(?:在|位于|位於|跑在|运行在|運行在|调度到|調度到|部署在)\s*(?:节点|節點|node)?\s*$/;
const POD_AFTER_ZH =
  /^\s*(?:节点|節點|node|主机|主機|机器|機器)?\s*上\s*(?:的|运行的|運行的|跑的|部署的)?\s*(?:pod|容器|业务|業務|应用|應用)/;

/**
 * An access verb or preposition right before the pods: they are what is reached ("ping a pod on node2 from node1",
 * "访问 node2 上的 pod"), and the report's checks start from where the traffic comes from.
 */
const REACHED_BEFORE =
  /(?:(?<![\w-])(?:ping|pinging|curl|wget|telnet|reach|reaching|access|accessing|to|of|into)\s+(?:(?:the|a|an|any|other|another|remote)\s+)*|(?:访问|訪問|到|ping|连接|連接|连|連)\s*)$/;

/** Whether the lower-cased text writes node `name` at offset `at` as where the report's pods are. */
export function podsPlacedAt(lower: string, at: number, name: string): boolean {
  const before = lower.slice(Math.max(0, at - 48), at);
  const after = lower.slice(at + name.length, at + name.length + 24);
  const subject = (pattern: RegExp) => {
    const match = pattern.exec(before);
    if (match === null) return false;
    return !REACHED_BEFORE.test(
      lower.slice(Math.max(0, at - before.length + match.index - 24), at - before.length + match.index),
    );
  };
  if (subject(POD_BEFORE_EN) || subject(POD_BEFORE_ZH)) return true;
  return POD_AFTER_ZH.test(after) && !REACHED_BEFORE.test(before);
}
