/**
 * Every retrieval weight and threshold, in one place. Values were picked by `netkb eval` on
 * tests/eval/questions.yaml and checked on tests/eval/seeds-questions.yaml (see README, "Retrieval").
 */
export interface RetrievalConfig {
  /** Fusion method: convex combination of normalized scores, or reciprocal-rank fusion. */
  method: 'convex' | 'rrf';
  weights: { trigger: number; lexical: number; vector: number };
  /** RRF's k: larger flattens the rank curve. */
  rrfK: number;
  /**
   * Weight of doc coverage (share of the question's IDF mass a doc contains) added in fused mode. A doc "contains"
   * a word anywhere in its body, so coverage is weaker evidence than a chunk's BM25 score: at 0.75 a runbook that
   * merely mentions more of a report's words (the NodePort runbook for a kube-proxy health-port report) overtook
   * the one whose sections match it best; 0.6 measured +3 first-cited over the seven tuning sets (none lower) with
   * `closeDocShare`, and +2 on reports5.yaml, which was not tuned on.
   */
  coverageWeight: number;
  /** Weight of topic coverage (the same share over a doc's title, triggers and headings) added in fused mode. */
  topicCoverageWeight: number;
  /**
   * Score factor by scope match (scope.ts): doc about another alternative (CNI, ...) than the question names,
   * neither, the same (once per named alternative the doc is about: a Kube-OVN cross-node runbook for a question
   * naming Kube-OVN and cross-node traffic, ×1.2², +1 first-cited on reports4.yaml and none lower on the other
   * sets); `bodyOnly` replaces one such factor when a long report names the alternative only in its body.
   * `unnamedCni` scales a CNI's own runbook when a long broken-path report names no CNI at all (unnamed-cni.ts):
   * at 0.85, +2 first-cited summed over the tuning sets (reports14 +2, fills2 +1, scope2 +1; reports and
   * reports12 -1, whose reports name their CNI only by its feature: underlay, kube-proxy replacement), 4 fewer
   * off-topic commands, +2 command hits; 0.75 lost 2 first-cited on reports and reports2. Applied to every long
   * report showing no CNI, not only one stating a broken path: +3 first-cited (fills6, reports19, reports28), 2
   * fewer false abstentions, 5 fewer off-topic commands, -1 command hit (reports12). 0.8 gained two more first-cited
   * (fills2, fills5) but lost reports15 (a Calico report known only by its `cali…` interface) and an out-of-scope
   * decline on reports19.
   * `cniEvidenceMaxGeneric`: a report also shows a CNI when it carries an identifier only that CNI's runbooks run in
   * their commands (`ovn-default`, `br-int`, `tunl0`, `cilium_host`: cni-evidence.ts), if at most this many
   * runbooks about no particular CNI run it. Inert at 0.85 on the tuning sets; at 0.8 it kept the reports
   * first-cited and command hit an ovn-pinger report pasting `ovs-vsctl show` would have lost.
   * `featureMaxOtherBodies`: a CNI also counts as named by a feature word only its runbooks are about (unnamed-cni.ts
   * cniFeatureGroups), if at most this many other runbooks use the word at all. With it the reports and reports12
   * losses are gone: summed over the tuning sets +4 first-cited, +1 command hit, 14 fewer off-topic commands.
   * Counting only generic runbooks with 3 (no longer taking "apiserver" as Kube-OVN's) gained one more
   * first-cited on scope2 but cost scope4 2 off-topic commands. A basic Kubernetes object or component (glossary
   * `kubernetes: true`: kube-apiserver, pod, Service) is never a feature: scope2 +1 first-cited, +1 command hit (a
   * NetworkPolicy report about reaching kube-apiserver), fills2 2 more off-topic commands.
   */
  scopeFactor: Record<-1 | 0 | 1, number> & {
    bodyOnly: number;
    unnamedCni: number;
    /**
     * A CNI's runbook leading a long report that shows no CNI yields to a generic runbook among the first two whose
     * score is at least this share of the lead's (cni-lead.ts).
     */
    unshownCniLeadShare: number;
    /**
     * A CNI's runbook of a path a generic runbook of the same category also explains, in a long report naming no
     * CNI (unnamed-cni.ts unnamedCniBesideGenericFactor). For `node_to_pod` (Kube-OVN's ovn0 runbook beside the
     * generic host-to-pod one) at 0.7: +2 first-cited over the tuning sets (scope5, reports20), 5 fewer off-topic
     * commands, command hits even (reports20 +1, doubt -1); 0.8 left reports20 to Kube-OVN. Adding `pod_to_external`
     * (Kube-OVN's join network and default VPC runbooks beside the generic egress one) gained fills5 and fills6 but
     * lost facts and reports6, Kube-OVN reports that name its default subnet or VPC and not Kube-OVN, and let an
     * unnamed Flannel runbook take one of them; applying it to short questions too lost a first-cited on questions.
     */
    unnamedCniBesideGeneric: { factor: number; categories: readonly string[] };
    /**
     * DNS runbooks in a report whose failing hop is the API Service's ClusterIP and that states no failing lookup
     * (api-service-hop.ts): at 0.8, +3 first-cited over the tuning sets (fills5, reports6, scope4), +1 command hit,
     * 11 fewer off-topic commands; 0.9 moved nothing. Also any Service's ClusterIP the failing part cannot reach, when a
     * DNS runbook's trigger matched (serviceIpHopFails): +1 first-cited (fills2), 5 fewer off-topic; a separate 0.6
     * for that case moved no tuning figure.
     */
    apiServiceDns: number;
    /**
     * The API Service hop fails and a DNS runbook's trigger matched: CoreDNS or kube-dns is only
     * the client that logs the failure, and its name outweighs the plain demotion (api-service-hop.ts). DNS 0.5 and
     * the ClusterIP / kube-proxy runbooks 1.2, on the API Service hop only: +2 first-cited over the tuning sets
     * (reports19), -1 command hit (reports6: a flannel report where pods reach neither CoreDNS nor the API), fewer
     * off-topic commands. DNS 0.55 with 1.4 also cost a command hit in logs (two Service runbooks too close to pick);
     * applied to any ClusterIP hop it cost scope3 and reports14, where the unreachable ClusterIP is kube-dns itself.
     */
    apiServicePulledDns: { dns: number; service: number };
    /**
     * The Service runbooks in a report whose failing destination is the API server reached from a pod (the
     * `kubernetes` Service's address dialled and failing, or the API server named as unreachable), when no named CNI
     * implements Services itself (api-server-reach.ts): the leading one scores `lead`, the category's other one
     * `other`. At 1.7 / 1.1, with the query asking about ClusterIP and kube-proxy for the named form too: +5
     * first-cited over the tuning sets (reports19 +2, reports25 +3), +5 command hits, 28 fewer off-topic commands, one
     * false abstention fewer, gates unchanged. 1.5 / 1.2 left "Pod unable to reach kube API" with CoreDNS; with
     * `other` 1.3 the kube-proxy runbook kept leading a CoreDNS report (reports4) whose kube-proxy checks were then
     * all dropped as an add-on it never names, losing its command hit.
     */
    apiServerReach: { lead: number; other: number };
    /**
     * A runbook a report matched by one of its `signals` (written, or shown in a pasted pod row), when the report
     * says no path is broken (signalled-repair.ts): at 1.3, with the row matching, +7 first-cited over the tuning
     * sets (fills, scope4; -1 reports6), +1 command hit, 22 fewer off-topic commands; 1.2 gave +5, 1.5 the same as 1.3.
     */
    signalledRepair: number;
    /**
     * The external-access runbook (NodePort / LoadBalancer) in a report whose headline (or short question's failing
     * part) states that Service type and that names no CNI (stated-service-type.ts): at 1.3, +2 first-cited over the
     * tuning sets (fills5, scope5), +2 command hits, 10 fewer off-topic commands, gates unchanged. Reading the whole
     * failing part instead of the headline, or letting a CNI-naming report in, lost 2-8 first-cited elsewhere;
     * 1.6 lost 1 first-cited (reports) and 1 command hit on the gate reports9. A report naming only a CNI whose
     * runbooks never speak of NodePorts or load balancers (Calico, Flannel) is let in: +3 first-cited (facts8,
     * reports12, reports16), +1 command hit, 9 fewer off-topic commands, gates unchanged.
     */
    statedServiceType: number;
    /**
     * The DNS category's lower-priority runbook (headless Service) in a report that names neither its case nor a
     * trigger of it (narrow-runbook.ts): at 0.7, +3 first-cited over the tuning sets (fills, scope3, reports17), +3
     * command hits (scope3, reports11, reports17), 13 fewer off-topic commands, no direct hit, abstention or gate
     * figure moved (confidence reads the ranking without doc factors too). Without the "old pod IP" case it lost a
     * first-cite in questions.yaml.
     */
    narrowDns: number;
    /**
     * The main DNS runbook (CoreDNS) in a report that shows the resolver's own error (`ping: unknown host`, `lookup x
     * on 10.96.0.10:53: no such host`), names no CNI, matches no other runbook's trigger and names no headless /
     * StatefulSet case (failing-lookup.ts): at 1.3, +2 first-cited over the tuning sets (fills3, reports16), +2 command
     * hits, 7 fewer off-topic commands, gates unchanged. Lifting on any failing-lookup wording (prose "DNS 也解析不了了"
     * too) and beside a named CNI: +2 first-cited but -1 (reports2: a Kube-OVN underlay report) and -3 command hits
     * (a deny-all policy, a same-node hairpin and a StatefulSet's headless name, where CoreDNS only suffers the cause).
     */
    failingLookup: number;
    /**
     * A report whose failing hop is a node reaching a pod's IP (the API server's proxy, a kubelet probe, a curl of the
     * pod IP on a node) and that states no failing lookup or ClusterIP (pod-ip-hop.ts): host → pod runbooks `lift`,
     * ClusterIP / kube-proxy and DNS runbooks `demote` (the generic host → pod runbook is not lifted when the report
     * names its CNI). At 1.5 / 0.65: +4 first-cited over the tuning sets (fills3, doubt, reports20, reports21), +4
     * command hits, 24 fewer off-topic commands, no figure lower, gates unchanged. 1.3 / 0.75 gave +3; 1.8 / 0.55 lost
     * a first-cite and a command hit on reports10; lifting the generic runbook in CNI-naming reports lost 2 (fills3,
     * facts6: Cilium and Calico reports whose own runbook explains the node → pod hop). Lifting it for a failing
     * probe beside a CNI without a host → pod runbook of its own, and lifting a CNI's own one only for that CNI: +1
     * first-cited (questions: a probe timing out on dual-NIC Calico nodes), +1 command hit, 4 fewer off-topic commands.
     */
    podIpHop: { lift: number; demote: number };
    /**
     * The ClusterIP vs external-access runbooks in a report whose failing part goes to one kind of Service address and
     * not the other (failing-destination.ts): the destination's runbooks score `lift`, the other kind's `demote`.
     * Demoting only, at 0.75: +3 first-cited over the tuning sets (fills4, reports16, reports25), command hits even
     * (reports21 +1, reports16 -1), 10 fewer off-topic commands, gates unchanged. A 1.2 lift beat CNI runbooks
     * (Kube-OVN, OVN-Kubernetes) in reports2 and lost first-cites in 5 sets; a CNI serving Services itself (OVN load
     * balancers) is left out: its "loadBalancer" is no Service type (reports8).
     */
    failingDestination: { lift: number; demote: number };
    /**
     * A report whose UDP traffic or DNS lookups keep failing after the pods or Service behind them were restarted,
     * recreated or terminated (stale-flow.ts): the runbooks whose triggers name conntrack join the trigger hits with
     * this score (0: off). The report seldom says "conntrack", so that runbook was not even a candidate.
     */
    staleFlow: number;
    /**
     * A report naming (or configured with) its CNI that places the pods of its path on different nodes
     * (cross-node-pod-path.ts): that CNI's cross-node datapath runbooks score this (not when a host → pod runbook's
     * own trigger matched: rp_filter, a failing probe). At 1.3: +4 first-cited over the tuning sets and the gate
     * reports9 (questions, checks, reports16, reports9), +4 command hits, 9 fewer off-topic commands. Lifting every
     * cross-node runbook (not only the named CNI's) lost a seeds question to another CNI's overlay runbook; lifting
     * beside a matched host → pod trigger also won reports22 but hid the rp_filter check of a "martian source" report.
     */
    crossNodePods: number;
    /**
     * A path runbook of a CNI that leaves Services to kube-proxy (Calico's BGP/IPIP, Flannel's VXLAN) in a report that
     * says a path fails only runbooks about no particular CNI own: a ClusterIP, a NetworkPolicy, outside the cluster
     * (other-path-cni.ts). At 0.65: fills3 +1 first-cited, +1 command hit, 6 fewer off-topic commands; no other
     * figure moved. 0.75 left the ClusterIP reports to the BGP runbook; letting Kube-OVN's runbooks in, reading the
     * whole failing part, ignoring matched triggers or pods failing to reach pods cost 1-9 command hits (an OVN
     * ClusterIP, a Kube-OVN underlay, a BGP-advertised LoadBalancer, a k3s worker); a paste's API Service dial added
     * a wrong fill (reports19).
     */
    otherPathCni: number;
    /**
     * The way a report's failing traffic crosses the cluster's edge (edge-direction.ts): out of the cluster, the
     * egress runbooks score `lift` and the runbooks of a hop inside it (and a CNI's own runbooks when the report
     * names none) `demote`; into it, the egress runbook of no particular CNI scores `inbound`. At 1.5 / 0.7 / 0.7:
     * +6 first-cited over the tuning sets (reports3, fills2, checks, reports11, scope5, reports24), +2 command hits,
     * +1 direct hit, 30 fewer off-topic commands, gates unchanged; 1.3 / 0.8 left fills2 and scope5 (CoreDNS named
     * as the cluster's resolver) with the wrong runbook.
     */
    edgeDirection: { lift: number; demote: number; inbound: number };
    featureMaxOtherBodies: number;
    cniEvidenceMaxGeneric: number;
  };
  /** How strongly the ingest-time chunk weight (section kind × doc priority) scales a fused score: 0 = not at all. */
  chunkWeightExponent: number;
  /** Per-doc diversity: at most this many chunks of one doc in the top 5. */
  maxChunksPerDocInTop5: number;
  /** Candidates taken from each retriever before fusion. */
  candidatesPerRetriever: number;
  /**
   * A question that reports a broken path and mentions the tool the user ran (tcpdump, ovs-vsctl) is about the
   * path, not the tool: docs of `category` (the tools' how-tos) score × `factor` then.
   */
  toolDocs: { category: string; factor: number };
  /**
   * The runbook category (kb/taxonomy.yaml) of the path a pasted connection error names (answer/failed-connection.ts):
   * a name that does not resolve, a headless Service's name (DNS gives its pods' addresses), another Service's name,
   * a Service a browser outside the cluster could not reach.
   */
  failedConnectionCategory: {
    resolve: string;
    headless: string;
    service: string;
    pod: string;
    external: string;
  };
  /** The runbook of one pod's own DNS record (a headless Service's), which a lookup failing on a pod's name needs. */
  podRecordRunbook: string;
  /** The runbook categories of each path a failing sentence names by its two ends (answer/stated-path.ts). */
  statedPathCategories: Readonly<Record<string, readonly string[]>>;
  /** Below this confidence the answer abstains. */
  abstainBelow: number;
  /**
   * An answer draws on every runbook with a hit scoring at least this share of the top hit (compose's
   * `otherDocShare`): confidence is the highest of theirs, so a near-tie does not abstain because the runbook that
   * happened to rank first covers less of the question than the one just behind it.
   */
  closeDocShare: number;
  /** Confidence of any trigger hit on the top doc, and of a full-strength one. */
  triggerConfidence: { min: number; max: number };
  /**
   * Lexical confidence grows linearly with the best chunk's raw BM25 score up to `fullScore`, scaled down when
   * the top doc covers less than `fullCoverage` of the question (see lexical coverageOf). A second, independent
   * signal: the same BM25 strength times `topicWeight` × the top doc's topic coverage, up to 1 (the question's
   * words in what the doc says it is about: title, triggers, headings; see lexical topicCoverageOf).
   * BM25 scores grow with the corpus (IDF is logarithmic in the chunk count), so in a KB larger than
   * `referenceChunks` (the bundled kb, where `fullScore` was calibrated) the score is scaled down by the ratio of
   * the highest possible IDF there to the highest possible IDF here, raised to `scaleExponent`: a bigger KB does
   * not make every question look answerable. The exponent is above 1 because the score grows faster than IDF: it
   * is multiplied by the number of question words a chunk matches, and a bigger vocabulary knows more of an
   * off-topic question's words ("rbac", "helm", "etcd"). Measured with the bundled kb plus altered copies of the
   * four ../shared/corpora (5,041 docs, bench-scale.ts): abstention recall of questions.yaml 0.375 at 1, 0.5625
   * at 1.5 with no further wrong abstention, 0.69 at 1.75 but abstaining on 3 more answerable questions.
   * The topic coverage is scaled by the same ratio raised to `topicScaleExponent`: the top doc is the best of
   * more docs, and among thousands of upstream docs with dozens of headings each, one shares some of any
   * question's words by chance ("驱逐" and "节点" in a node-removal guide for a question about eviction timing).
   * At 1 (the ratio itself, not fitted), on the same large KB: abstention recall 0.5625 → 0.6875 with no further
   * wrong abstention (the lowest answered answerable question falls from 0.532 to 0.517).
   * Smaller KBs are not scaled up, so the bundled kb's figures do not depend on it (src/retrieve/confidence.ts).
   */
  lexicalConfidence: {
    fullScore: number;
    fullCoverage: number;
    topicWeight: number;
    referenceChunks: number;
    scaleExponent: number;
    topicScaleExponent: number;
  };
  /**
   * MiniSearch field boosts and fuzzy matching of long Latin terms (typos: genve, coredsn); the weight, in doc
   * coverage, of a question word no doc contains (1 = as much as the rarest KB word).
   */
  lexical: {
    boost: { title: number; headings: number; text: number };
    fuzzy: number;
    fuzzyMinLength: number;
    unknownTermWeight: number;
  };
  /** Trigger specificity: characters (a Chinese character counts 1, a Latin one `latinCharWeight`) for full score. */
  trigger: { fullScoreLength: number; latinCharWeight: number; extraTriggerBonus: number };
  /**
   * Query analysis: weight of words that occur only in working-path clauses ("same-node traffic is fine"); in a
   * long report (a headline sentence followed by at least `headlineMinBodyWords` words), the weight factor of
   * words only its body has (see query.ts headlineOf); the weight of words only pasted output has (command output,
   * logs and manifests that report no failure: see pasted.ts).
   */
  query: {
    workingPathWeight: number;
    bodyWeight: number;
    headlineMinBodyWords: number;
    pastedWeight: number;
    /**
     * The weight of a CNI's name the report gives only where it states its environment ("calico v3.24.1", "CNI:
     * cilium"; environment-cni.ts): a weak word of the report, below a body word's. With a question's only CNI named
     * in environment wording no longer a search scope (chat.ts), and the confidence the full report's: summed over the
     * tuning sets +1 first-cited (reports20), command hits even (reports12 +1, facts8 -1), 4 fewer off-topic commands,
     * gates unchanged.
     */
    environmentWeight: number;
    /**
     * The weight of the word "node" when the report's nodes are an application's members (app-member-nodes.ts): at
     * 0.1, 7 fewer off-topic commands over the tuning sets (reports34, reports35), nothing lost; it fires on 8 tuning
     * reports, all about application members.
     */
    appMemberNodeWeight: number;
  };
  defaultTopK: number;
  /**
   * Work budget per question: whatever the text, retrieval does a bounded amount of work. Distinct query terms
   * past `maxQueryTerms` are ignored; spelling correction and fuzzy matching run only for words the KB does not
   * contain, at most `maxSpellingFixes` / `maxFuzzyTerms` per question; one lexical search walks at most
   * `maxPostings` postings (the most common terms are left out past that: only in a large KB, and only for a long
   * question of common words); the lexical and vector retrievers are
   * skipped when `timeMs` has passed before they start (status `over_budget`) and the answer is built from what
   * there is (triggers always run: a bounded scan). A last resort: the bounds above keep a question to a few ms.
   */
  budget: {
    maxQueryTerms: number;
    maxSpellingFixes: number;
    maxFuzzyTerms: number;
    maxPostings: number;
    timeMs: number;
  };
}

export const RETRIEVAL_CONFIG: RetrievalConfig = {
  method: 'convex',
  weights: { trigger: 0.6, lexical: 0.4, vector: 0.15 },
  rrfK: 60,
  coverageWeight: 0.6,
  topicCoverageWeight: 0.5,
  scopeFactor: {
    [-1]: 0.5,
    0: 1,
    1: 1.2,
    bodyOnly: 1.1,
    unnamedCni: 0.85,
    unshownCniLeadShare: 0.9,
    unnamedCniBesideGeneric: { factor: 0.7, categories: ['node_to_pod'] },
    apiServiceDns: 0.8,
    apiServicePulledDns: { dns: 0.5, service: 1.2 },
    apiServerReach: { lead: 1.7, other: 1.1 },
    signalledRepair: 1.3,
    statedServiceType: 1.3,
    narrowDns: 0.7,
    failingLookup: 1.3,
    podIpHop: { lift: 1.5, demote: 0.65 },
    failingDestination: { lift: 1, demote: 0.75 },
    staleFlow: 1,
    crossNodePods: 1.3,
    otherPathCni: 0.65,
    edgeDirection: { lift: 1.5, demote: 0.7, inbound: 0.7 },
    featureMaxOtherBodies: 5,
    cniEvidenceMaxGeneric: 2,
  },
  chunkWeightExponent: 1,
  maxChunksPerDocInTop5: 2,
  candidatesPerRetriever: 40,
  toolDocs: { category: 'diagnostics', factor: 0.6 },
  podRecordRunbook: 'dns/headless-service.md',
  failedConnectionCategory: {
    resolve: 'dns',
    headless: 'dns',
    service: 'service_clusterip',
    pod: 'pod_to_pod_cross_node',
    external: 'service_external',
  },
  statedPathCategories: {
    dns: ['dns'],
    serviceExternal: ['service_external'],
    service: ['service_clusterip'],
    external: ['pod_to_external'],
    nodeToPod: ['node_to_pod'],
    crossNode: ['pod_to_pod_cross_node'],
    podToPod: ['pod_to_pod_cross_node', 'pod_to_pod_same_node'],
  },
  abstainBelow: 0.5,
  closeDocShare: 0.8,
  triggerConfidence: { min: 0.5, max: 0.95 },
  lexicalConfidence: {
    fullScore: 150,
    fullCoverage: 0.5,
    topicWeight: 3.5,
    referenceChunks: 232,
    scaleExponent: 1.5,
    topicScaleExponent: 1,
  },
  lexical: {
    boost: { title: 2, headings: 1.5, text: 1 },
    fuzzy: 0.2,
    fuzzyMinLength: 5,
    unknownTermWeight: 0.3,
  },
  trigger: { fullScoreLength: 5, latinCharWeight: 0.5, extraTriggerBonus: 0.25 },
  query: {
    workingPathWeight: 0.3,
    bodyWeight: 0.6,
    headlineMinBodyWords: 15,
    pastedWeight: 0.05,
    environmentWeight: 0.3,
    appMemberNodeWeight: 0.1,
  },
  defaultTopK: 5,
  budget: { maxQueryTerms: 64, maxSpellingFixes: 4, maxFuzzyTerms: 4, maxPostings: 200_000, timeMs: 1000 },
};
