/**
 * A cloud load balancer's own resources, as its controller manages them: target groups that are empty, not updated or
 * stuck draining, a `TargetGroupBinding`, the AWS Load Balancer Controller and its `nlb-ip` targets, an Azure backend
 * pool, a GCP network endpoint group. Which targets a provider registers and how its controller reconciles them are the
 * provider's, beside the node's NodePort and kube-proxy's health check that a runbook follows. Declined only while no
 * runbook states target groups (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * The controller's resources: AWS target groups, `TargetGroupBinding`, the controller itself, `nlb-ip` targets, and
 * the other providers' equivalents (an Azure load balancer's backend pool, a GCP network endpoint group).
 */
const TARGET_GROUPS =
  /target[\s-]?groups?\b|targetgroupbindings?|aws-load-balancer-controller|\bnlb-ip\b|目标组|目標組|backend[\s-]?pools?\b|后端池|network[\s-]endpoint[\s-]groups?\b/i;
const TARGET_GROUPS_ALL = new RegExp(TARGET_GROUPS.source, 'gi');
/** Named this many times, the controller's resources are what the report is about wherever its first sentence is. */
const MENTIONS = 2;

/**
 * The part a runbook explains: kube-proxy's health check of a `Local` Service (its `/healthz` on `healthCheckNodePort`
 * answering 503 on a node without an endpoint), which marks those nodes' targets unhealthy ("Health check endpoints
 * /healthz are constantly Unhealthy in AWS NLB target groups - 503").
 */
const KUBE_PROXY_HEALTH_CHECK =
  /healthz|health[\s-]?check[\s-]?node[\s-]?port|external[\s-]?traffic[\s-]?policy/i;

/**
 * The subject when a report is about a cloud load balancer's target groups ("Target Group Not Attached with NLB Created
 * from Nginx Ingress Controller and AWS Load Balancer Controller", "With \"nlb-ip\", we never see targets go to
 * \"unhealthy\"", "Service with NLB - Target Group Not Being Updated"): its first sentence names them, or the report
 * keeps naming them; else null. A report naming kube-proxy's health check of a `Local` Service is answered from the
 * runbook that explains it.
 */
export function uncoveredCloudLbTargets(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  const named = TARGET_GROUPS.test(headline) || (text.match(TARGET_GROUPS_ALL)?.length ?? 0) >= MENTIONS;
  if (!named || KUBE_PROXY_HEALTH_CHECK.test(text)) return null;
  return explained ? null : "a cloud load balancer's target groups (AWS Load Balancer Controller)";
}

/** Whether a runbook states target groups in its title, triggers, headings or troubleshooting symptoms. */
export function cloudLbTargetsExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, TARGET_GROUPS);
}
