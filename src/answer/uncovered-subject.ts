/**
 * Reports about a networking component the KB has no runbook for (an ingress controller's 404, a service mesh,
 * an admission webhook, a network plugin named in the title): declined rather than answered from a runbook that
 * only shares their words. What the KB covers is read from its runbooks' prose, so a runbook added on one of these
 * subjects makes its reports answerable again.
 */
import { headlineOf } from '../retrieve/query.js';
import type { Searcher } from '../retrieve/types.js';
import { namedIn, proseOf, WIDELY_USED_PLUGINS } from './clarify.js';

/** A component a report can be about, the words a report names it by, and the words a runbook about it would use. */
interface Subject {
  /** How the answer names it (English and Chinese answers alike: the component's own name). */
  name: string;
  /** Where a report names it (global, case-insensitive). */
  named: RegExp;
  /** What a runbook about it names in its prose (lower case). */
  kbNames: readonly string[];
  /**
   * The subject is itself the datapath (a network plugin): a report of a broken path through it is still about
   * it. A component above the datapath (an ingress controller) is not: a connection it cannot make ("upstream timed
   * out") fails on a Service or pod path the KB covers.
   */
  datapath: boolean;
}

/** Not an identifier's inner part: `my-app-ingress`, `lr_in_admission`. */
const START = '(?<![a-z0-9_.-])';
/** Not the start of a longer identifier. */
const END = '(?![a-z0-9_])';

/**
 * "ingress" as the Kubernetes object or its controller (ingress-nginx, Traefik and its IngressRoute, HAProxy), not the direction of a NetworkPolicy or a datapath hook
 * ("policyTypes: Ingress", "ingress and egress", "ingress from", "tc ingress", "ingress pipeline").
 */
const INGRESS = new RegExp(
  `${START}(?<!policytypes:?\\s?|egress\\s?(?:and|or|&|/)\\s?|deny[- ](?:all[- ])?|tc\\s|dev\\s[\\w.@-]+\\s|default-deny-)` +
    `(?:ingress[- ]?controllers?|ingress-nginx|nginx-ingress(?:-controller)?|ingressclass(?:name)?|ingress\\.class|ingressroutes?|haproxy-ingress|traefik|ingress)` +
    `${END}(?!\\s?(?:and|or|&|/)\\s?egress|[ -]?(?:polic|from|traffic|rule|direction|pipeline|hook|filter|策略|规则|規則|方向|流量))`,
  'gi',
);

const SUBJECTS: readonly Subject[] = [
  {
    name: 'Ingress controllers',
    named: INGRESS,
    kbNames: [
      'ingress controller',
      'ingress controllers',
      'ingress-nginx',
      'nginx-ingress',
      'ingressclass',
      'traefik',
    ],
    datapath: false,
  },
  {
    name: 'service meshes (Istio, Linkerd, Envoy)',
    named: new RegExp(
      `${START}(?:istio|linkerd|envoy|sidecars?|virtualservices?|destinationrules?|service mesh|meshed)`,
      'gi',
    ),
    kbNames: ['istio', 'linkerd', 'envoy', 'sidecar', 'virtualservice', 'service mesh'],
    datapath: false,
  },
  {
    name: 'admission webhooks',
    named: new RegExp(`${START}(?:webhooks?|cert-manager|admission)`, 'gi'),
    kbNames: ['webhook', 'webhooks', 'admission webhook', 'cert-manager'],
    datapath: false,
  },
  {
    name: 'Gateway API',
    named: new RegExp(`${START}(?:httproutes?|gatewayclass(?:es)?|gateway api)${END}`, 'gi'),
    kbNames: ['httproute', 'gatewayclass', 'gateway api'],
    datapath: false,
  },
  {
    name: 'external-dns',
    named: new RegExp(`${START}external-dns${END}`, 'gi'),
    kbNames: ['external-dns'],
    datapath: false,
  },
  {
    name: 'Multus',
    named: new RegExp(`${START}(?:multus|networkattachmentdefinitions?|whereabouts)${END}`, 'gi'),
    kbNames: ['multus', 'networkattachmentdefinition', 'whereabouts'],
    datapath: true,
  },
];

/**
 * A Chinese report's title ends at a colon after its last character (full-width, read after NFKC as ':'):
 * "Kube-Router中Pod出口流量SNAT问题：使用k3s部署的集群，禁用了内置的Traefik…" is about SNAT, not Traefik.
 */
const TITLE_END = /(?<=\p{Script=Han})[:：]/u;

/** A subject named this many times is what the report is about, wherever it names it. */
const SUBJECT_MENTIONS = 2;

/**
 * A connection that fails (times out, is refused, has no route, cannot be made): a path the KB's runbooks cover,
 * whichever component made it. A `timeout=10s` query parameter of a pasted URL is not one.
 */
const PATH_BROKEN =
  /timed?[ -]?out(?!=)|timeout(?!=)|refused|no route|unreachable|(?:can'?t|cannot|can not|unable to|failed to|fails? to)\s+(?:access|reach|connect|ping|talk|communicate|curl)|not\s+(?:reachable|accessible|communicating|connecting)|超时|超時|不通|拒绝|拒絕|无法访问|無法訪問|无法连接|無法連接|连不上|連不上|访问不了|訪問不了/i;

/**
 * An HTTP 404 the report got: the request reached the component and it answered; what it lacks is its own
 * configuration ("Failed to access page by ingress nginx with 404 Not Found error"), not a network path.
 */
const NOT_FOUND = /(?<![\d.:/-])404(?![\d.:])/;

/**
 * The subject a report is about when the KB has no runbook for it, else null. A subject is what the report is
 * about when its headline (its first sentence, up to a Chinese title's colon) names it or it is named at least twice:
 * "在 Kubernetes 集群中新增 Ingress … 返回 404 … ingress controller pod 内 nginx -T" is about the ingress
 * controller, and a Service runbook sharing "service" and "404" has nothing on it. Not when a runbook trigger
 * matched the report (`triggered`: "nginx-ingress-controller … hostNetwork=true … port 80 already in use" is a
 * hostNetwork report; "NetworkPolicy block access nginx-ingress-controller" a policy one), nor, for a component
 * above the datapath, when the report states a connection that fails ("upstream timed out … when I use ingress"
 * fails on the Service path behind the controller). `covers`: whether the KB's prose names one of the subject's
 * names; `knownPlugin`: whether it covers a network plugin (clarify.ts `coveredNames`). A network plugin in wide use
 * that the headline names by its bare name ("Nodes are missing some peer route entries (kube-router)") is a
 * subject too: `uncoveredPlugin` reads only its components. Pure.
 */
export function uncoveredSubject(
  question: string,
  triggered: boolean,
  covers: (names: readonly string[]) => boolean,
  knownPlugin: (name: string) => boolean,
): string | null {
  if (triggered) return null;
  const text = question.normalize('NFKC');
  const headline = (headlineOf(text, 0) ?? text).split(TITLE_END)[0] ?? '';
  const broken = PATH_BROKEN.test(text) && !NOT_FOUND.test(text);
  // The subject the headline names, else the one named most.
  let best: { subject: Subject; rank: number } | null = null;
  for (const subject of SUBJECTS) {
    if (broken && !subject.datapath) continue;
    const rank = subjectRank(text, headline, subject.named);
    if (rank > (best?.rank ?? 0) && !covers(subject.kbNames)) best = { subject, rank };
  }
  if (best) return best.subject.name;
  const lowerHeadline = headline.toLowerCase();
  for (const plugin of WIDELY_USED_PLUGINS) {
    const named = new RegExp(`${START}${plugin}${END}`, 'gi');
    if (!named.test(lowerHeadline)) continue;
    if ((text.match(named) ?? []).length < SUBJECT_MENTIONS) continue;
    if (!knownPlugin(plugin)) return plugin;
  }
  return null;
}

/** How much a report is about a subject: 0 when named fewer than twice and not in its headline, more when named there. */
function subjectRank(text: string, headline: string, named: RegExp): number {
  const mentions = (text.match(named) ?? []).length;
  const inHeadline = (headline.match(named) ?? []).length > 0;
  if (!inHeadline && mentions < SUBJECT_MENTIONS) return 0;
  return mentions + (inHeadline ? HEADLINE_RANK : 0);
}

/** A subject the headline names outranks one the body names however often. */
const HEADLINE_RANK = 1000;

/**
 * Whether texts (the KB's runbooks) cover a subject: their prose (without code) names one of its names at least
 * twice. One name in passing ("典型 hostNetwork 工作负载：… ingress-nginx") is not a runbook about it. Read on first use.
 */
export function coveredSubjects(texts: () => Iterable<string>): (names: readonly string[]) => boolean {
  const twice = namedIn(function* () {
    for (const text of texts()) yield proseOf(text);
  }, 2);
  return (names) => names.some(twice);
}

/** Per searcher: which subjects its runbooks cover, read on first use. */
const searcherSubjects = new WeakMap<Searcher, (names: readonly string[]) => boolean>();

export function kbSubjects(searcher: Searcher): (names: readonly string[]) => boolean {
  let covers = searcherSubjects.get(searcher);
  if (!covers) {
    covers = coveredSubjects(function* () {
      for (const doc of searcher.docs) {
        yield doc.title;
        for (const chunk of doc.chunks) yield chunk.text;
      }
    });
    searcherSubjects.set(searcher, covers);
  }
  return covers;
}
