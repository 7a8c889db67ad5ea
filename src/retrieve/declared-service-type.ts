/**
 * The Service type a reporter gave the Service they are trying to reach: `kubectl expose ... --type NodePort`,
 * "published a Service using the NodePort type", "exposed it via NodePort",
 * "通过 NodePort 暴露", "类型为 LoadBalancer". That sentence often sits deep in a long report ("Connection refused
 * on exposed port" is the headline), yet it says which path the failing request takes: through a node's port or a
 * load balancer, the external-access runbook's matter, not the ClusterIP's.
 *
 * Only a declaration counts, not a mention: a pasted `kubectl get svc` row (`web NodePort 10.96.3.4 <none>
 * 80:30080/TCP`) lists every Service of the cluster, and "nodePort works" or "instead of a NodePort" name a path
 * that is not the failing one. Pure; normalized (lower-case) text in.
 */

const EXTERNAL_TYPE = String.raw`(?:node\s?port|load\s?balancer)`;

const DECLARED_TYPE = new RegExp(
  [
    // kubectl expose --type NodePort / --type=LoadBalancer. Not `type: LoadBalancer`: a pasted `kubectl describe
    // service` shows it for a Service the report may only list beside the failing one.
    String.raw`--type[\s=]+${EXTERNAL_TYPE}(?![a-z])`,
    // "publish a Service using the NodePort type", "exposed the app via a LoadBalancer": a way in after a verb of
    // reaching or exposing. Not a list of ways in ("access failure through NodePort/ServiceIP/ServiceName"), nor
    // any "with" or "using" ("conflicts with LoadBalancer definition", "the consequence of using NodePort").
    String.raw`(?<![a-z])(?:access|reach|expos|publish|connect|curl|call|visit|hit)\w*\s+(?:[\w'-]+\s+){0,5}?(?:using|via|through)\s+(?:the\s+|a\s+|an\s+)?${EXTERNAL_TYPE}(?![a-z]|\s*/)`,
    String.raw`(?<![a-z])using\s+(?:the\s+|a\s+|an\s+)?${EXTERNAL_TYPE}\s+(?:type|service|svc)(?![a-z])`,
    // "created a NodePort service", "exposed the app with a nodeport service" is covered above.
    String.raw`(?<![a-z])(?:created?|creating|deployed|set\s+up|configured|exposed?|published?)\s+(?:a|an|the|my|our)\s+(?:[\w-]+\s+)?${EXTERNAL_TYPE}(?:\s+type)?\s+(?:service|svc)(?![a-z])`,
    // 通过 / 使用 / 采用 NodePort, NodePort 方式 / 类型, 类型为 LoadBalancer.
    String.raw`(?:通过|使用|采用|用|以)\s*${EXTERNAL_TYPE}`,
    String.raw`${EXTERNAL_TYPE}\s*(?:方式|类型|類型)`,
    String.raw`(?:类型|類型)\s*(?:为|是|為)\s*${EXTERNAL_TYPE}`,
  ].join('|'),
  'u',
);

/** True when the text declares the reporter's Service as a NodePort or LoadBalancer one. */
export function declaresExternalServiceType(text: string): boolean {
  return DECLARED_TYPE.test(text);
}

/**
 * The words of the types the text declares (`nodeport`, `loadbalancer`): the topic of the failing path wherever the
 * declaration sits, so a long report's body does not make them count less than its headline.
 */
export function declaredExternalServiceTypes(text: string): string[] {
  const declared = new Set<string>();
  for (const match of text.matchAll(new RegExp(DECLARED_TYPE.source, 'gu'))) {
    declared.add(/node\s?port/u.test(match[0]) ? 'nodeport' : 'loadbalancer');
  }
  return [...declared];
}
