/** The answer when retrieval is not confident: the closest docs, and what to add to the question. */
import { type CitationBuilder, pointer } from './citations.js';
import { LABELS, type Lang } from './labels.js';
import { extractEntities } from './placeholders.js';
import type { AnswerParts, ComposeInput, ComposeOptions, DocPointer, StructuredAnswer } from './types.js';

const CNI_WORDS =
  /kube-?ovn|calico|cilium|flannel|ovn-?k(?:8s|ubernetes)?\b|ovnk|weave|antrea|canal|kindnet|terway|multus|kube-router|vpc-cni|aws-node/i;
const SYMPTOM_WORDS =
  /超时|超時|不通|拒绝|拒絕|refused|reset|重置|no route|unreachable|timeout|timed out|丢包|丟包|loss|drop|nxdomain|解析|resolve|失败|失敗|fail|error|报错|報錯|延迟|延遲|latency|慢|slow|卡住|hang|断|斷|flaky|间歇|間歇|pending|crash|502|503|504/i;
const ENDPOINT_WORDS =
  /pod|容器|node|节点|節點|宿主|host|service|svc|服务|服務|clusterip|nodeport|loadbalancer|ingress|外网|外網|公网|公網|internet|external|集群外|dns|coredns|apiserver|kubelet/gi;

/**
 * `abstain`: nothing fits confidently. `clarify`: the question is too vague to pick one runbook (clarify.ts):
 * the same shape, the most likely runbooks and what to add, but not an "I don't know".
 */
export function abstainAnswer(
  input: ComposeInput,
  builder: CitationBuilder,
  lang: Lang,
  options: ComposeOptions,
  kind: 'abstain' | 'clarify' = 'abstain',
): AnswerParts {
  const labels = LABELS[lang];
  const title =
    kind === 'clarify'
      ? labels.clarify
      : input.uncovered !== undefined
        ? labels.notCovered(input.uncovered)
        : labels.abstain(input.result.confidence);
  const out: string[] = [title];
  const suggestions: string[] = [];
  const related: DocPointer[] = [];
  const seen = new Set<string>();
  for (const hit of input.result.hits) {
    if (suggestions.length >= options.maxSuggestions) break;
    if (seen.has(hit.doc.path)) continue;
    seen.add(hit.doc.path);
    const section = builder.citeSection(hit.chunk);
    if (section) {
      suggestions.push(pointer(hit.doc.title, section));
      related.push({ title: hit.doc.title, path: hit.doc.path, section: section.label, cite: section.n });
    }
  }
  out.push(suggestions.length > 0 ? `${labels.suggestions}\n\n${suggestions.join('\n')}` : labels.noDocs);

  const text = [...(input.history ?? []), input.question].join(' ');
  const entities = extractEntities(text);
  const named = entities.ips.length + entities.pods.length + entities.nodes.length + entities.services.length;
  const endpoints = new Set((text.match(ENDPOINT_WORDS) ?? []).map((word) => word.toLowerCase()));
  const asks: string[] = [];
  // Not covered: nothing the user adds would make the KB answer it.
  if (input.uncovered === undefined) {
    if (!CNI_WORDS.test(text)) asks.push(labels.askCni);
    if (named + endpoints.size < 2) asks.push(labels.askEnds);
    if (!SYMPTOM_WORDS.test(text)) asks.push(labels.askSymptom);
    if (asks.length === 0) asks.push(labels.askRephrase);
    out.push(`${labels.needMore}\n\n${asks.map((ask) => `- ${ask}`).join('\n')}`);
  }
  const structured: StructuredAnswer = {
    kind,
    lang,
    title,
    section: '',
    direct: null,
    gist: null,
    path: null,
    causes: [],
    cni: null,
    related,
    asks,
  };
  return { markdown: out.join('\n\n'), abstained: kind === 'abstain', commands: [], structured };
}
