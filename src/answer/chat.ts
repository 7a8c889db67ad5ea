/**
 * One chat turn: retrieval (with follow-up context), then composition. The HTTP route and `netkb ask` both
 * call `answerChat`, so they give the same answer for the same question and index.
 */
import { randomUUID } from 'node:crypto';
import { RETRIEVAL_CONFIG } from '../retrieve/config.js';
import { distroDefaultCni } from '../retrieve/distro-cni.js';
import type { FusedHit, RetrievalResult, Searcher, SearchOptions } from '../retrieve/types.js';
import { uncoveredWebhookCall } from './admission-webhook.js';
import { advertisedAddressExplainedBy, uncoveredAdvertisedAddress } from './app-advertised-address.js';
import { appDiscoveryExplainedBy, uncoveredAppDiscovery } from './app-discovery.js';
import { ChatCache } from './cache.js';
import { certificateIssuanceExplainedBy, uncoveredCertificateIssuance } from './certificate-issuance.js';
import {
  certificateVerificationExplainedBy,
  uncoveredCertificateVerification,
} from './certificate-verification.js';
import { uncoveredChartValuesRequest } from './chart-values-request.js';
import {
  allocationExplainedBy,
  answerDetailedReport,
  answerNamedCniReport,
  coveredNames,
  kubeletStreamExplainedBy,
  namedCniClose,
  namesAllocation,
  outsideNetworking,
  routingExplainedBy,
  uncoveredAllocation,
  uncoveredKubeletStream,
  uncoveredMesh,
  uncoveredPlugin,
  uncoveredRouting,
  uncoveredSoleCniBinary,
  uncoveredVpcNat,
  vpcNatExplainedBy,
} from './clarify.js';
import { clauseToSearch, leadWithClauseDoc } from './clause-doc.js';
import { clientAddressRunbook, statesLostClientAddress } from './client-address.js';
import { leadWithDoc } from './close-docs.js';
import { cloudLbTargetsExplainedBy, uncoveredCloudLbTargets } from './cloud-lb-targets.js';
import { cniInstallerExplainedBy, uncoveredCniInstaller } from './cni-installer.js';
import { componentPanicExplainedBy, uncoveredComponentPanic } from './component-panic.js';
import { type Composed, type ComposeOptions, composeAnswer, DEFAULT_COMPOSE_OPTIONS } from './compose.js';
import { controlPlaneVipExplainedBy, uncoveredControlPlaneVip } from './control-plane-vip.js';
import { type ConversationHistory, chooseFollowUp, type Turn, topicDocs } from './conversation.js';
import { crossNodeCniRunbook } from './cross-node-runbook.js';
import { factAsk } from './direct.js';
import { dockerOnlyExplainedBy, uncoveredDockerOnly } from './docker-only.js';
import { externalDnsExplainedBy, uncoveredExternalDns } from './external-dns.js';
import { factBesideSubject } from './fact-beside-subject.js';
import { leadWithFactDoc } from './fact-doc.js';
import {
  addressPath,
  browserFailure,
  failedConnection,
  failedPath,
  headlineFailsToConnect,
  headlineFailsToResolve,
  inCluster,
  peerConnection,
  unaddressedClusterFailure,
} from './failed-connection.js';
import {
  BODY_SENTENCE_MARGIN,
  bodyFailingSentence,
  firstSentence,
  statesFailingPath,
} from './failing-path.js';
import { uncoveredFailingPlugin } from './failing-plugin.js';
import { uncoveredFeatureRequest } from './feature-request.js';
import { flowObserverExplainedBy, observerStepsStated, uncoveredFlowObserver } from './flow-observer.js';
import { gatewayRouteStatusExplainedBy, uncoveredGatewayRouteStatus } from './gateway-route-status.js';
import { handedAddressExplainedBy, uncoveredHandedAddress } from './handed-address.js';
import { headlineNamesTrigger } from './headline-trigger.js';
import { httpClientErrorExplainedBy, uncoveredHttpClientError } from './http-client-error.js';
import { installerTaskExplainedBy, uncoveredInstallerTask } from './installer-task.js';
import { uncoveredLocalEndpoint } from './local-endpoint.js';
import { lookupFirst } from './lookup-first.js';
import { statesMemberJoinFailure } from './member-join.js';
import { meshOnlyOwnsFailedCall } from './mesh-webhook-call.js';
import { nameNotAddressFirst } from './name-not-address.js';
import { namedCniRunbook } from './named-cni-runbook.js';
import { commandsPlugin, otherCniRunbookLeads } from './other-cni-runbook.js';
import { namedCniOverOtherTool } from './other-plugin-tool.js';
import { uncoveredPassingChecks } from './passing-network-checks.js';
import { categoryMainRunbook, mainRunbookFirst, runbookFirst } from './path-main-runbook.js';
import { podNameLookupFirst, statesPodNameLookup } from './pod-name-lookup.js';
import { isPodRecordName } from './pod-record-lookup.js';
import { policyFirst } from './policy-first.js';
import { policyLogPluginsCoveredBy, uncoveredPolicyLog } from './policy-log.js';
import { portForwardExplainedBy, uncoveredPortForward } from './port-forward-stream.js';
import { portRequirementsExplainedBy, uncoveredPortRequirements } from './port-requirements.js';
import { privilegedPortExplainedBy, uncoveredPrivilegedPort } from './privileged-port.js';
import { proxyErrorPageExplainedBy, uncoveredProxyErrorPage } from './proxy-error-page.js';
import { resetConnection } from './reset-connection.js';
import { resolverSilentFirst, statesResolverSilent } from './resolver-silent.js';
import { routerOrVpnExplainedBy, uncoveredRouterOrVpn } from './router-vpn-only.js';
import { uncoveredSignInSession } from './sign-in-session.js';
import { uncoveredSlowStartProbe } from './slow-start-probe.js';
import { staleProxyUpstreamExplainedBy, uncoveredStaleProxyUpstream } from './stale-proxy-upstream.js';
import { staleRegistryAddressExplainedBy, uncoveredStaleRegistryAddress } from './stale-registry-address.js';
import { leavesStatedDestination } from './stated-destination.js';
import { opensWithConsequence, statedPath } from './stated-path.js';
import { leadWithSymptomRow } from './symptom-doc.js';
import type { CniContext } from './types.js';
import {
  apiServiceExplainedBy,
  componentsExplainedBy,
  explainedComponentsFailing,
  namesComponent,
  uncoveredComponent,
} from './uncovered-components.js';
import { featuresExplainedBy, namesFeature, uncoveredFeature } from './uncovered-features.js';
import { nodeRuntimeExplainedBy, uncoveredNodeRuntime } from './uncovered-node-runtime.js';
import { uncoveredPluginDatapath } from './uncovered-plugin-datapath.js';
import {
  appRegistryExplainedBy,
  clusterSetupExplainedBy,
  cniAbsentExplainedBy,
  cniSetupExplainedBy,
  interconnectExplainedBy,
  namesClusterSetup,
  secondaryNetworkExplainedBy,
  uncoveredAppRegistry,
  uncoveredClusterSetup,
  uncoveredCniAbsent,
  uncoveredCniSetup,
  uncoveredInterconnect,
  uncoveredSecondaryNetwork,
} from './uncovered-subjects.js';
import { uncoveredUnstatedFailure } from './unstated-failure.js';
import { namesWindowsParts, uncoveredWindowsNodes, windowsNodesExplainedBy } from './windows-nodes.js';
import { statesWrongResolution, wrongResolutionClause, wrongResolutionFirst } from './wrong-resolution.js';

/** The `POST /v1/chat` request body. */
export interface ChatRequest {
  message: string;
  conversation_id?: string;
  top_k?: number;
  category?: string;
  /** The cluster's CNI for this request (overrides the deployment's). */
  cni?: string;
}

export interface ChatContext {
  searcher: Searcher;
  conversations: ConversationHistory;
  /** Results and first-turn answers of this searcher (omit to compute every time). */
  cache?: ChatCache;
  compose?: ComposeOptions;
  newId?: () => string;
  /** The CNI of the cluster this deployment serves (`netkb serve --cni`, `NETKB_CNI`). */
  cni?: string;
  /** Awaited before each step that computes (a search not in the cache, the composition): the server's turn on
   * the event loop, so many questions at once do not hold it for their whole batch, and one question with
   * several searches (a follow-up, other CNIs' runbooks) not for all of them (server/fair-turns.ts). */
  turn?: () => Promise<void>;
}

/** The category of the NetworkPolicy runbook (policy-first.ts). */
const POLICY_CATEGORY = 'network_policy';
/** Earlier questions prepended to a follow-up: the last two, at most this many characters. */
const CONTEXT_TURNS = 2;
const CONTEXT_CHARS = 600;
/**
 * Other CNIs' runbooks are searched with at most the question's first this many characters: a long report says
 * what fails in its first lines, and each CNI is one more search of the whole text otherwise (the longest eval
 * question has 385).
 */
export const ALTERNATIVES_QUERY_CHARS = 600;

export interface ChatAnswer extends Composed {
  /** The body already serialized as UTF-8 JSON (same as `JSON.stringify(body)`), when it came from the cache or
   * was just stored in it. */
  json?: Buffer;
  /** Time spent in `searcher.search` and how many searches ran (0 when every result came from the cache). */
  retrieval: RetrievalTime;
}

export interface RetrievalTime {
  ms: number;
  calls: number;
}

export async function answerChat(context: ChatContext, request: ChatRequest): Promise<ChatAnswer> {
  const started = performance.now();
  const newId = context.newId ?? randomUUID;
  const conversationId = request.conversation_id ?? newId();
  const question = request.message.trim();
  // One time budget for every search this question needs.
  const options: SearchOptions = { startedAt: started };
  if (request.top_k !== undefined) options.topK = request.top_k;
  if (request.category !== undefined) options.category = request.category;
  const history = request.conversation_id ? await context.conversations.history(conversationId) : [];
  const given = givenCni(context, request);
  // A known CNI scopes retrieval: the request's or the deployment's...
  if (given) options.cni = given.cni;
  const tookMs = () => Math.round((performance.now() - started) * 100) / 100;
  // Measured here rather than by wrapping the searcher: no wrapper object per request.
  const retrieval: RetrievalTime = { ms: 0, calls: 0 };

  // A first turn depends only on the question and options: serve a cached answer when there is one. Looked up
  // before reading the question for CNI names (the costliest step of a cached answer): on a first turn only a
  // given CNI can set `options.cni` (one the question names is in the text, which is in the key).
  const answerKey = ChatCache.key(question, options);
  const cached = history.length === 0 ? context.cache?.answers.get(answerKey) : undefined;
  if (cached) {
    await context.conversations.append(conversationId, { question, docs: cached.docs });
    const id = newId();
    const took = tookMs();
    return {
      body: { id, conversation_id: conversationId, ...cached.body, took_ms: took },
      evidence: cached.evidence,
      json: bodyJson(id, conversationId, cached.json, took),
      retrieval,
    };
  }

  const scope = given ?? namedCni(context, question, history);
  // ...or the question's or conversation's: a report naming Calico is not answered from Flannel's runbook because
  // it also says "vxlan". Not one the question names only in its environment wording ("calico v3.24.1", "CNI:
  // cilium"): that is the cluster's setting, not the failing path; left out of `options.cni`, other CNIs' runbooks
  // stay candidates and that CNI's runbooks are only leaned toward (environment-cni.ts), so its chunks do not win
  // the lexical top-N by the scope alone. It is still the answer's CNI (`scope`).
  const environmentOnly =
    !given && scope?.source === 'question' && environmentOnlyCni(context, question) === scope.cni;
  if (scope && !environmentOnly) options.cni = scope.cni;
  const search = (text: string) => cachedSearch(context, text, options, retrieval);
  let result: RetrievalResult;
  let query = question;
  if (history.length === 0) {
    result = await search(question);
    // Taking the name out makes the report shorter, so a runbook covers more of it: the confidence is the full
    // report's (as searched within that CNI, with every word), so taking words out cannot lift a report over the
    // abstention threshold.
    if (environmentOnly && scope)
      result = withConfidenceOf(
        result,
        await cachedSearch(
          context,
          question,
          { ...options, cni: scope.cni, keepEnvironment: true },
          retrieval,
        ),
      );
  } else {
    const earlier = history
      .slice(-CONTEXT_TURNS)
      .map((turn) => turn.question)
      .join(' ')
      .slice(-CONTEXT_CHARS);
    const contextualQuery = `${earlier} ${question}`;
    const [standalone, contextual] = await Promise.all([search(question), search(contextualQuery)]);
    const previousDocs = [...history].reverse().find((turn) => turn.docs.length > 0)?.docs ?? [];
    if (chooseFollowUp(question, standalone, contextual, previousDocs) === 'contextual') {
      result = contextual;
      query = contextualQuery;
    } else {
      result = standalone;
    }
  }

  const composeOptions = context.compose ?? DEFAULT_COMPOSE_OPTIONS;
  // Another plugin's tool how-to (`kubectl ko ...`) leading a report naming its CNI: that CNI's close runbook leads
  // (other-plugin-tool.ts).
  const ownRunbook =
    scope && context.searcher.cni
      ? namedCniOverOtherTool(
          result.hits,
          scope.cni,
          context.searcher.cni.ofDoc,
          composeOptions.otherDocShare,
        )
      : null;
  if (ownRunbook) result = leadWithDoc(result, ownRunbook);
  // A value asked in one clause of a long report: the clause alone says which runbook states it (clause-doc.ts).
  const ask = factAsk(question);
  const ofNamedCni = (path: string) => !!scope && context.searcher.cni?.ofDoc(path) === scope.cni;
  const clause = clauseToSearch(question, ask);
  const clauseLed =
    ask && clause
      ? leadWithClauseDoc(query, result, await search(clause), ask, context.searcher.concepts, ofNamedCni)
      : null;
  const factLed = leadWithFactDoc(
    question,
    query,
    clauseLed ?? result,
    composeOptions.otherDocShare,
    context.searcher.concepts,
    ofNamedCni,
  );
  // A runbook about the CNI the question names stays first: a generic runbook's row matching the symptom is not
  // a reason to leave that CNI's datapath (nor to leave the runbook stating an asked value).
  const topIsNamedCni = ofNamedCni(result.hits[0]?.doc.path ?? '');
  const symptomLed =
    clauseLed || factLed !== result || topIsNamedCni
      ? factLed
      : leadWithSymptomRow(query, result, composeOptions.otherDocShare, context.searcher.concepts);
  // A row of the other Service runbook does not move a report off the Service address it states fails
  // (stated-destination.ts).
  result = leavesStatedDestination(
    question,
    factLed.hits[0]?.doc.category ?? null,
    symptomLed.hits[0]?.doc.category ?? null,
  )
    ? factLed
    : symptomLed;
  // A report whose pasted error says a name did not resolve fails at the lookup: its DNS runbooks lead
  // (lookup-first.ts), unless it asks a value or names a CNI whose runbook leads.
  if (!ask && !topIsNamedCni && history.length === 0 && !result.abstain) {
    const lookupLed = lookupFirst(
      question,
      result,
      RETRIEVAL_CONFIG.failedConnectionCategory.resolve,
      RETRIEVAL_CONFIG.podRecordRunbook,
      categoryMainRunbook(context.searcher.docs, RETRIEVAL_CONFIG.failedConnectionCategory.resolve) ??
        undefined,
    );
    if (lookupLed) result = lookupLed;
  }
  // A report saying a Service answers on its address but not on its name: its DNS runbooks lead
  // (name-not-address.ts), unless it names a CNI whose runbook leads.
  if (!topIsNamedCni && history.length === 0 && !result.abstain) {
    const nameLed = nameNotAddressFirst(question, result, RETRIEVAL_CONFIG.failedConnectionCategory.resolve);
    if (nameLed) result = nameLed;
  }
  // A report saying in words that a pod's own name does not resolve: the headless Service's runbook leads
  // (pod-name-lookup.ts), unless it asks a value.
  if (!ask && history.length === 0 && !result.abstain) {
    const recordLed = podNameLookupFirst(question, result, RETRIEVAL_CONFIG.podRecordRunbook);
    if (recordLed) result = recordLed;
  }
  // A pasted lookup error in which the DNS server did not answer (a timeout or refusal on port 53, "Try again"): the
  // cluster DNS runbook leads over the headless Service's (resolver-silent.ts), whatever name was asked.
  // The cheap reading first: most questions paste no such error, and need neither the runbook nor a search.
  if (
    history.length === 0 &&
    !result.abstain &&
    result.hits[0]?.doc.path === RETRIEVAL_CONFIG.podRecordRunbook &&
    statesResolverSilent(question)
  ) {
    const dns = await resolverRunbookHits(context, result, question, options, retrieval);
    const silentLed = dns
      ? resolverSilentFirst(question, result, dns.runbook, RETRIEVAL_CONFIG.podRecordRunbook, dns.searched)
      : null;
    if (silentLed) result = silentLed;
  }
  // A report saying its NetworkPolicy does not take effect: the NetworkPolicy runbook leads, over a runbook of the CNI
  // it runs (policy-first.ts), unless it asks a value.
  if (!ask && history.length === 0 && !result.abstain) {
    const policyLed = policyFirst(question, result, POLICY_CATEGORY);
    if (policyLed) result = policyLed;
  }
  // A detailed report of the named CNI's datapath, just under the confidence threshold, is answered (clarify.ts).
  if (
    result.abstain &&
    history.length === 0 &&
    answerNamedCniReport(
      question,
      result.confidence,
      !!scope &&
        !!context.searcher.cni &&
        namedCniClose(result.hits, scope.cni, context.searcher.cni.ofDoc, composeOptions.otherDocShare),
    )
  )
    result = { ...result, abstain: false };
  // So is a detailed report of a broken path just under it (clarify.ts).
  if (
    result.abstain &&
    history.length === 0 &&
    answerDetailedReport(question, result.confidence, topFitsCni(context, result, scope))
  )
    result = { ...result, abstain: false };
  // So is a report whose first sentence says a CNI component a runbook explains is failing, when that runbook leads
  // (uncovered-components.ts): the report is in scope whatever share of its pasted inventory the runbook's words match.
  if (result.abstain && history.length === 0 && failingComponentLeads(context, question, result))
    result = { ...result, abstain: false };
  // So is a report whose first sentence states that a path of the runbooks fails, when that sentence alone finds
  // its runbook confidently: that runbook leads (failing-path.ts).
  if (result.abstain && history.length === 0 && statesFailingPath(question)) {
    const headline = firstSentence(question);
    const own = headline === question ? result : await search(headline);
    if (!own.abstain && !outsideNetworking(question)) result = own;
  }
  // So is a report that states its failing path once, in a sentence after a headline that does not, when that
  // sentence alone, searched within the report's CNI (named, or its distribution's default), finds a runbook of that
  // CNI or of none with a margin over the threshold (failing-path.ts).
  if (result.abstain && history.length === 0 && !outsideNetworking(question)) {
    const sentence = bodyFailingSentence(question);
    const cni = reportCni(context, question, scope);
    if (sentence !== null) {
      const own = await cachedSearch(context, sentence, cni ? { ...options, cni } : options, retrieval);
      if (
        own.confidence >= RETRIEVAL_CONFIG.abstainBelow + BODY_SENTENCE_MARGIN &&
        topFitsCni(context, own, cni ? { cni, source: 'question', alternatives: [] } : null)
      )
        result = own;
    }
  }
  if (result.abstain && history.length === 0 && !outsideNetworking(question)) {
    // So is a report whose headline says in its own order and words what a failure trigger of the leading runbook
    // says ("connect issues across nodes" in a Flannel report: "flannel 跨节点不通"; failing-clause.ts).
    if (statesLeadingFailure(result)) result = { ...result, abstain: false };
    else {
      // So is a report whose pasted error names the connection that failed, a name that does not resolve or a
      // Service's name that times out or refuses (failed-connection.ts): the runbooks of that path answer it however
      // little of the application's stack trace and settings they match.
      const cni = reportCni(context, question, scope);
      const own = await failedPathSearch(context, question, result, options, retrieval, cni);
      if (own) result = own;
      else {
        // So is a report whose failing sentence names the two ends of a path ("the pod cannot be accessed from the
        // host", "Pod to service connectivity lost"): the report's own runbooks of that path answer it, when the
        // first of them is about no particular CNI or the report's (stated-path.ts).
        const stated = statedPathHits(question, result);
        if (stated && topFitsCni(context, stated, cni ? { cni, source: 'question', alternatives: [] } : null))
          result = stated;
      }
    }
  }
  // So is a report saying a server does not see its clients' own address, or asking how to get it (client-address.ts):
  // the runbook stating that the client's source address is lost answers it, whatever proxy or chart it is told in.
  if (
    result.abstain &&
    history.length === 0 &&
    !outsideNetworking(question) &&
    statesLostClientAddress(question)
  ) {
    // The runbook stating that a client's source address is lost, searched by its own words for the loss.
    const runbook = clientAddressRunbook(context.searcher.docs);
    const own =
      runbook &&
      (await runbookHits(context, question, result, runbook.path, options, retrieval, runbook.triggers));
    if (own) result = own;
  }
  // So is a report saying a clustered application's member cannot join or form its cluster, beside its members' pod
  // DNS names or a headless Service (member-join.ts): the headless Service's runbook answers it.
  if (
    result.abstain &&
    history.length === 0 &&
    !outsideNetworking(question) &&
    statesMemberJoinFailure(question)
  ) {
    const own = await runbookHits(
      context,
      question,
      result,
      RETRIEVAL_CONFIG.podRecordRunbook,
      options,
      retrieval,
    );
    if (own) result = own;
  }
  // A report saying a name resolves to the wrong address (a public IP instead of the cluster's): the cluster DNS
  // runbook leads (wrong-resolution.ts), unless it asks a value or names a CNI whose runbook leads.
  if (
    !ask &&
    !topIsNamedCni &&
    history.length === 0 &&
    !result.abstain &&
    result.hits[0]?.doc.category !== RETRIEVAL_CONFIG.failedConnectionCategory.resolve &&
    statesWrongResolution(question)
  ) {
    // The words around the statement are what is searched among the DNS runbooks.
    const dns = await resolverRunbookHits(
      context,
      result,
      wrongResolutionClause(question),
      options,
      retrieval,
    );
    const wrongLed = dns
      ? wrongResolutionFirst(
          question,
          result,
          dns.runbook,
          RETRIEVAL_CONFIG.failedConnectionCategory.resolve,
          dns.searched,
        )
      : null;
    if (wrongLed) result = wrongLed;
  }
  // A question about a network plugin the KB has no runbook for is declined, whatever runbook shares its words (unless
  // a runbook about no particular CNI answers it confidently: `pathOfAnyPlugin`); so is one about handing out pod
  // addresses when no runbook of its CNI explains that, one whose pod sandbox failed in a plugin the runtime names and
  // the KB does not (failing-plugin.ts), one whose pods cannot reach pods on other nodes over a plugin the KB does
  // not cover (uncovered-plugin-datapath.ts), one naming such a plugin only by its CNI binary beside no path any
  // runbook explains (clarify.ts), one whose cluster runs only such a plugin while another plugin's runbook
  // leads (other-cni-runbook.ts), one about a service mesh's proxies the KB does not name, and
  // one about the answers of an ingress's routing rules, one about `kubectl logs`/`exec` failing on the API server's
  // way to a kubelet and one about a Kube-OVN custom VPC's border or NAT gateways, EIP and FIP when no runbook
  // explains them (clarify.ts); so is a node whose CNI never came up or whose CNI's pods are absent, the cluster's own
  // set-up failing, a pod's second interface, Kube-OVN's cluster interconnection and the address an application
  // registers in its own registry (uncovered-subjects.ts), an application framework's own registration and discovery
  // failing (app-discovery.ts), the stale address such a registry keeps after a pod restart
  // (stale-registry-address.ts), an Ingress controller's or mesh proxy's stale pod backends
  // (stale-proxy-upstream.ts), the flow observer's own Relay, UI or flow logs (flow-observer.ts), an application
  // handing out its pod's or container's own address (handed-address.ts), a CNI's own component failing when no
  // runbook names it (uncovered-components.ts), a network policy's logging in a plugin whose logging no runbook shows
  // (policy-log.ts), and a plugin feature no runbook
  // explains: cluster mesh, egress gateways, L7 proxies, bandwidth limits, Kube-OVN SwitchLBRule/Vip objects, edge
  // frameworks (uncovered-features.ts); and Docker's own networking in a report naming nothing of Kubernetes
  // (docker-only.ts) or a router, frp tunnel or VPN client in one (router-vpn-only.ts), the node runtime's PLEG and
  // sandbox image (uncovered-node-runtime.ts), a cloud load balancer's target groups (cloud-lb-targets.ts), a
  // certificate's ACME issuance (certificate-issuance.ts), a certificate a client refuses (x509:
  // certificate-verification.ts), the API server failing to call an admission or conversion webhook
  // (admission-webhook.ts), an HTTP proxy's own 502 or 503 error page (proxy-error-page.ts), Windows nodes' own
  // pod networking unless a value a runbook states is asked (windows-nodes.ts), the address an application
  // advertises to its clients (app-advertised-address.ts), ExternalDNS's records (external-dns.ts), `kubectl
  // port-forward` breaking in its own stream (port-forward-stream.ts), a CNI's Helm chart or operator installation (cni-installer.ts), a Gateway API route's
  // status (gateway-route-status.ts), the list of ports a cluster's nodes need open (port-requirements.ts), the
  // control plane's VIP (control-plane-vip.ts), a server refused the privilege to listen on its port
  // (privileged-port.ts), an installer's Ansible task failing (installer-task.ts), a component's own crash at a Go
  // runtime error (component-panic.ts), a request for a new feature
  // naming nothing a runbook explains (feature-request.ts), a request to set a field of an application's chart
  // (chart-values-request.ts), a probe giving up on an application that starts slowly (slow-start-probe.ts) and a
  // client failing on its own machine's endpoint (local-endpoint.ts), an application's own sign-in or session
  // (sign-in-session.ts), an application's own client whose network checks pass (passing-network-checks.ts).
  const uncovered =
    (pathOfAnyPlugin(context, result) ? null : uncoveredPlugin(question, kbNames(context.searcher))) ??
    (history.length === 0
      ? (allocationDecline(context, question, scope?.cni ?? null, result) ??
        uncoveredFailingPlugin(question, kbNames(context.searcher)) ??
        uncoveredPluginDatapath(question, kbNames(context.searcher)) ??
        uncoveredSoleCniBinary(question, kbNames(context.searcher)) ??
        otherCniDecline(context, question, result, scope) ??
        // Not when the mesh only owns a webhook the API server failed to reach at the network (mesh-webhook-call.ts).
        (meshOnlyOwnsFailedCall(question) ? null : uncoveredMesh(question, kbNames(context.searcher))) ??
        uncoveredRouting(question, routingExplained(context.searcher)) ??
        uncoveredKubeletStream(question, kubeletStreamExplained(context.searcher)) ??
        uncoveredVpcNat(question, vpcNatExplained(context.searcher)) ??
        uncoveredCniSetup(question, cniSetupExplained(context.searcher)) ??
        uncoveredCniAbsent(question, cniAbsentExplained(context.searcher)) ??
        clusterSetupDecline(context, question, result) ??
        uncoveredSecondaryNetwork(question, secondaryNetworkExplained(context.searcher)) ??
        uncoveredInterconnect(question, interconnectExplained(context.searcher)) ??
        uncoveredAppRegistry(question, appRegistryExplained(context.searcher)) ??
        uncoveredAppDiscovery(question, appDiscoveryExplained(context.searcher)) ??
        uncoveredStaleRegistryAddress(question, staleRegistryAddressExplained(context.searcher)) ??
        uncoveredStaleProxyUpstream(question, staleProxyUpstreamExplained(context.searcher)) ??
        uncoveredFlowObserver(
          question,
          flowObserverExplained(context.searcher),
          observerSteps(context.searcher),
        ) ??
        uncoveredHandedAddress(question, handedAddressExplained(context.searcher)) ??
        componentDecline(context, question, result) ??
        featureDecline(context, question, result) ??
        uncoveredPolicyLog(question, policyLogCovered(context.searcher)) ??
        uncoveredDockerOnly(question, dockerOnlyExplained(context.searcher)) ??
        uncoveredRouterOrVpn(question, routerOrVpnExplained(context.searcher)) ??
        uncoveredNodeRuntime(question, nodeRuntimeExplained(context.searcher)) ??
        uncoveredCloudLbTargets(question, cloudLbTargetsExplained(context.searcher)) ??
        uncoveredCertificateIssuance(question, certificateIssuanceExplained(context.searcher)) ??
        uncoveredCertificateVerification(question, certificateVerificationExplained(context.searcher)) ??
        uncoveredWebhookCall(question) ??
        uncoveredProxyErrorPage(question, proxyErrorPageExplained(context.searcher)) ??
        uncoveredHttpClientError(question, httpClientErrorExplained(context.searcher)) ??
        windowsNodesDecline(context, question, result) ??
        uncoveredAdvertisedAddress(question, advertisedAddressExplained(context.searcher)) ??
        uncoveredExternalDns(question, externalDnsExplained(context.searcher)) ??
        uncoveredPortForward(question, portForwardExplained(context.searcher)) ??
        uncoveredCniInstaller(question, cniInstallerExplained(context.searcher)) ??
        uncoveredGatewayRouteStatus(question, gatewayRouteStatusExplained(context.searcher)) ??
        uncoveredPortRequirements(
          question,
          portRequirementsExplained(context.searcher),
          kbNames(context.searcher),
        ) ??
        uncoveredControlPlaneVip(question, controlPlaneVipExplained(context.searcher)) ??
        uncoveredPrivilegedPort(question, privilegedPortExplained(context.searcher)) ??
        uncoveredInstallerTask(question, installerTaskExplained(context.searcher)) ??
        uncoveredComponentPanic(question, componentPanicExplained(context.searcher)) ??
        uncoveredFeatureRequest(question) ??
        uncoveredSlowStartProbe(question) ??
        // A client that failed on its own machine's endpoint: kubectl's built-in localhost:8080, a MySQL socket file
        // (local-endpoint.ts).
        uncoveredLocalEndpoint(question) ??
        // A web console's own sign-in failing or its session lost, with no connection failing (sign-in-session.ts).
        uncoveredSignInSession(question) ??
        // The report's own network checks reach the address from the failing container, or another client connects
        // to the same address and port: what fails is the application's client (passing-network-checks.ts).
        uncoveredPassingChecks(question) ??
        // A request to set a chart's field, unless the report also asks a value a runbook may state (a port range,
        // not how to set the field) (chart-values-request.ts).
        (ask && !ask.kinds.includes('setting') ? null : uncoveredChartValuesRequest(question)) ??
        // A long report that states no network failure anywhere, unless it asks a value (unstated-failure.ts) or
        // its opening names a runbook's trigger (headline-trigger.ts).
        (ask || headlineNamesTrigger(question, result.hits) ? null : uncoveredUnstatedFailure(question)))
      : null);
  if (uncovered) result = { ...result, abstain: true };
  const docs = topicDocs(result);
  const found = scope ?? (await assumedCni(context, result, query, options, retrieval));
  const cni = found && withNamedCniRunbook(context, result, found);
  const runs = reportCni(context, question, scope);
  // A report saying traffic between nodes fails: its CNI's runbook has a check place, as a named CNI's has.
  const crossNode =
    cni?.runbook || !context.searcher.cni
      ? undefined
      : crossNodeCniRunbook(result.hits, question, runs, context.searcher.cni.ofDoc);
  await context.conversations.append(conversationId, { question, docs });
  await context.turn?.();
  const composed = composeAnswer(
    {
      question,
      result,
      query,
      history: history.map((turn) => turn.question),
      ...(cni ? { cni } : {}),
      ...(runs ? { reportCni: runs } : {}),
      ...(crossNode ? { crossNodeRunbook: crossNode } : {}),
      ...(ofNamedCni(result.hits[0]?.doc.path ?? '') ? { namedCniLeads: true } : {}),
      ...(context.searcher.concepts ? { concepts: context.searcher.concepts } : {}),
      ...(uncovered ? { uncovered } : {}),
      id: newId(),
      conversationId,
      tookMs: 0,
    },
    composeOptions,
  );
  if (history.length === 0 && context.cache) {
    const { id: _id, conversation_id: _conversation, took_ms: _took, ...template } = composed.body;
    const json = Buffer.from(JSON.stringify(template).slice(1, -1));
    context.cache.answers.set(answerKey, { body: template, json, evidence: composed.evidence, docs });
    // Serialized once for the cache: the response reuses it rather than serializing the body again.
    const took = tookMs();
    composed.body.took_ms = took;
    return { ...composed, json: bodyJson(composed.body.id, conversationId, json, took), retrieval };
  }
  composed.body.took_ms = tookMs();
  return { ...composed, retrieval };
}

/**
 * The report's runbooks of the path its pasted error names (`failedPath`), or of the cluster's DNS when its headline
 * says names do not resolve, answered when one matches: those among the report's own hits, or else (also when a
 * Service's or a name's own hits lack that path's main runbook) the report searched among that path's runbooks;
 * null when the report pastes no such error or no runbook of that path matches it.
 */
async function failedPathSearch(
  context: ChatContext,
  question: string,
  result: RetrievalResult,
  options: SearchOptions,
  retrieval: RetrievalTime,
  cni: string | undefined,
): Promise<RetrievalResult | null> {
  // A pasted error line naming an in-cluster peer names that peer's connection, as a socket's error does.
  // So does a pasted reset of a connection to a Service by its cluster name (reset-connection.ts).
  const failed = failedConnection(question) ?? peerConnection(question) ?? resetConnection(question);
  const headline = firstSentence(question);
  // A headline saying names do not resolve names the DNS path as a pasted resolver error does.
  // A bare address's role beside the error (a pasted pods row, "cluster-ip") names its path as a name does.
  // An error naming no address at all, or a headline saying a client cannot connect, from a client in a cluster:
  // the client dials a Service by the name its settings give.
  const path = failed
    ? (failedPath(failed) ?? addressPath(question, failed))
    : headlineFailsToResolve(headline)
      ? 'resolve'
      : unaddressedClusterFailure(question) ||
          (headlineFailsToConnect(headline, question) && inCluster(question))
        ? // A browser's error is a client outside the cluster: the Service's way in from outside.
          browserFailure(question)
          ? 'external'
          : 'service'
        : null;
  if (!path) return null;
  const category = RETRIEVAL_CONFIG.failedConnectionCategory[path];
  // The report's own hits first: no second search of a long report, which a busy server may not finish in its budget,
  // unless they lack the path's main runbook. A Service's or a name's path leads with its main runbook
  // (path-main-runbook.ts); a headless Service's records are the narrow DNS runbook's matter, a pod's path each CNI's.
  // A name that is one pod's own record leads with the headless Service's runbook instead (pod-record-lookup.ts).
  // So does a report saying in words that a pod's own name does not resolve (pod-name-lookup.ts).
  const podRecord =
    path === 'resolve' &&
    ((failed !== null && isPodRecordName(failed.target)) || statesPodNameLookup(question));
  const leadsWithMain = path === 'service' || path === 'resolve' || path === 'external';
  const ordered = (hits: readonly FusedHit[]) =>
    podRecord
      ? runbookFirst(hits, RETRIEVAL_CONFIG.podRecordRunbook)
      : leadsWithMain
        ? mainRunbookFirst(hits)
        : [...hits];
  const own = result.hits.filter((hit) => hit.doc.category === category);
  // Own hits without the path's main runbook: the path's runbooks are searched, so that it can lead.
  const main = podRecord
    ? RETRIEVAL_CONFIG.podRecordRunbook
    : leadsWithMain
      ? categoryMainRunbook(context.searcher.docs, category)
      : null;
  const holdsMain = main === null || own.some((hit) => hit.doc.path === main);
  if (own.length > 0 && holdsMain) return { ...result, hits: ordered(own), abstain: false };
  // Pods' paths are each CNI's own: a pod's address is searched among the runbooks of the report's CNI, and answered
  // only by one of that CNI or of none.
  if (path === 'pod') {
    if (!cni) return null;
    const searched = await cachedSearch(context, question, { ...options, category, cni }, retrieval);
    const fits = topFitsCni(context, searched, { cni, source: 'question', alternatives: [] });
    return searched.hits.length > 0 && fits ? { ...searched, abstain: false } : null;
  }
  const searched = await cachedSearch(context, question, { ...options, category }, retrieval);
  if (searched.hits.length > 0) return { ...searched, hits: ordered(searched.hits), abstain: false };
  // That search found nothing (on a busy server its time budget may be spent): the report's own hits answer.
  return own.length > 0 ? { ...result, hits: ordered(own), abstain: false } : null;
}

/**
 * The cluster DNS runbook and, when the report's own hits lack it, the hits of a search of the DNS runbooks by `text`
 * (none when `text` is null), so that it can lead. Null when the KB has no such runbook.
 */
async function resolverRunbookHits(
  context: ChatContext,
  result: RetrievalResult,
  text: string | null,
  options: SearchOptions,
  retrieval: RetrievalTime,
): Promise<{ runbook: string; searched: FusedHit[] } | null> {
  const category = RETRIEVAL_CONFIG.failedConnectionCategory.resolve;
  const runbook = categoryMainRunbook(context.searcher.docs, category);
  if (!runbook) return null;
  const searched =
    text && !result.hits.some((hit) => hit.doc.path === runbook)
      ? (await cachedSearch(context, text, { ...options, category }, retrieval)).hits
      : [];
  return { runbook, searched };
}

/**
 * The hits of `path` first: the report's own hits when they hold it, else a search of its category by the report's
 * words, then by the runbook's own words for the case (`triggers`, by default all its triggers). Null when the KB has
 * no such runbook or no search finds it.
 */
async function runbookHits(
  context: ChatContext,
  question: string,
  result: RetrievalResult,
  path: string,
  options: SearchOptions,
  retrieval: RetrievalTime,
  triggers?: readonly string[],
): Promise<RetrievalResult | null> {
  const doc = context.searcher.docs.find((candidate) => candidate.path === path);
  if (!doc) return null;
  if (result.hits.some((hit) => hit.doc.path === path))
    return { ...result, hits: runbookFirst(result.hits, path), abstain: false };
  const category = doc.category ?? undefined;
  for (const text of [question, (triggers ?? doc.triggers).join(' ')]) {
    const searched = await cachedSearch(context, text, { ...options, category }, retrieval);
    if (searched.hits.some((hit) => hit.doc.path === path))
      return { ...searched, hits: runbookFirst(searched.hits, path), abstain: false };
  }
  return null;
}

/**
 * The report's own hits of the path its failing sentence names by its two ends (stated-path.ts): the headline when it
 * states a failing path, else the one sentence of the body that does. Null when no sentence states one, it names no
 * two ends, or no runbook of that path is among the report's hits.
 */
function statedPathHits(question: string, result: RetrievalResult): RetrievalResult | null {
  const headline = statesFailingPath(question);
  const sentence = headline ? firstSentence(question) : bodyFailingSentence(question);
  if (sentence === null) return null;
  // A body sentence opening as a consequence ("Due to this pods ... cannot connect") names where a cause shows.
  const path = !headline && opensWithConsequence(sentence) ? null : statedPath(sentence);
  const categories = path === null ? undefined : RETRIEVAL_CONFIG.statedPathCategories[path];
  if (!categories) return null;
  const own = result.hits.filter((hit) => hit.doc.category !== null && categories.includes(hit.doc.category));
  return own.length > 0 ? { ...result, hits: own, abstain: false } : null;
}

/**
 * Retrieval is confident on its own (at or above the abstention threshold) and its top runbook is a path runbook about
 * no particular CNI (egress SNAT, Services, DNS), not a tool's: such a runbook holds whatever plugin the cluster runs,
 * so a report of that path in a cluster of a plugin the KB does not cover ("Kube-Router中Pod出口流量SNAT问题") is
 * answered from it. A report about the plugin's own parts (a Multus attachment, an Antrea agent and its OVS bridge)
 * lands on a CNI's or a tool's runbook, or on none confidently, and is still declined.
 */
function pathOfAnyPlugin(context: ChatContext, result: RetrievalResult): boolean {
  const top = result.hits[0];
  return (
    !!top &&
    result.confidence >= RETRIEVAL_CONFIG.abstainBelow &&
    top.doc.category !== RETRIEVAL_CONFIG.toolDocs.category &&
    (context.searcher.cni?.ofDoc(top.doc.path) ?? null) === null
  );
}

/** The headline states a failure trigger of the runbook the answer leads with. */
function statesLeadingFailure(result: RetrievalResult): boolean {
  const top = result.hits[0]?.doc.path;
  return top !== undefined && (result.statedFailure ?? []).includes(top);
}

/** The report's CNI: the one given or named, else the default of the distribution it names (distro-cni.ts). */
function reportCni(context: ChatContext, question: string, scope: CniContext | null): string | undefined {
  if (scope) return scope.cni;
  const known = context.searcher.cni;
  return (known && distroDefaultCni(question, known.namedIn(question))) ?? undefined;
}

/** The top runbook is about no particular CNI, or about the one the question, conversation or cluster names. */
function topFitsCni(context: ChatContext, result: RetrievalResult, scope: CniContext | null): boolean {
  const top = result.hits[0];
  const topCni = top && context.searcher.cni ? context.searcher.cni.ofDoc(top.doc.path) : null;
  return topCni === null || topCni === scope?.cni;
}

/** A value read from a searcher's runbooks on first use, kept as long as the searcher. */
function perSearcher<T>(read: (searcher: Searcher) => T): (searcher: Searcher) => T {
  const values = new WeakMap<Searcher, T>();
  return (searcher) => {
    let value = values.get(searcher);
    if (value === undefined) {
      value = read(searcher);
      values.set(searcher, value);
    }
    return value;
  };
}

/** Which names the runbooks cover (clarify.ts `coveredNames`). */
const kbNames = perSearcher((searcher) =>
  coveredNames(function* () {
    for (const doc of searcher.docs) {
      yield doc.title;
      for (const chunk of doc.chunks) yield chunk.text;
    }
  }),
);

/** Which CNIs' runbooks explain address allocation (clarify.ts `allocationExplainedBy`). */
const allocationExplained = perSearcher((searcher) =>
  allocationExplainedBy(searcher.docs, (docPath) => searcher.cni?.ofDoc(docPath) ?? null),
);

/** Whether a runbook explains an ingress's routing answers (clarify.ts `routingExplainedBy`). */
const routingExplained = perSearcher((searcher) => routingExplainedBy(searcher.docs));

/** Whether a runbook explains the API server's errors on its way to a kubelet (clarify.ts). */
const kubeletStreamExplained = perSearcher((searcher) => kubeletStreamExplainedBy(searcher.docs));

/** Which Kube-OVN VPC subjects a runbook explains (clarify.ts `vpcNatExplainedBy`). */
const vpcNatExplained = perSearcher((searcher) => vpcNatExplainedBy(searcher.docs));

/** Whether a runbook explains a node without an initialised CNI (uncovered-subjects.ts). */
const cniSetupExplained = perSearcher((searcher) => cniSetupExplainedBy(searcher.docs));

/** Whether a runbook explains a CNI whose pods are absent (uncovered-subjects.ts). */
const cniAbsentExplained = perSearcher((searcher) => cniAbsentExplainedBy(searcher.docs));

/** Whether a runbook explains the cluster's own set-up failing (uncovered-subjects.ts). */
const clusterSetupExplained = perSearcher((searcher) => clusterSetupExplainedBy(searcher.docs));

/** Whether a runbook explains a pod's second interface (uncovered-subjects.ts). */
const secondaryNetworkExplained = perSearcher((searcher) => secondaryNetworkExplainedBy(searcher.docs));

/** Whether a runbook explains Kube-OVN's cluster interconnection (uncovered-subjects.ts). */
const interconnectExplained = perSearcher((searcher) => interconnectExplainedBy(searcher.docs));

/** Whether a runbook explains the addresses applications register in their own registries (uncovered-subjects.ts). */
const appRegistryExplained = perSearcher((searcher) => appRegistryExplainedBy(searcher.docs));
/** Whether a runbook states an application framework's registration or discovery failing (app-discovery.ts). */
const appDiscoveryExplained = perSearcher((searcher) => appDiscoveryExplainedBy(searcher.docs));
/** Whether a runbook states the stale address a framework's registry keeps (stale-registry-address.ts). */
const staleRegistryAddressExplained = perSearcher((searcher) =>
  staleRegistryAddressExplainedBy(searcher.docs),
);
/** Whether a runbook states a proxy keeping stale backends (stale-proxy-upstream.ts). */
const staleProxyUpstreamExplained = perSearcher((searcher) => staleProxyUpstreamExplainedBy(searcher.docs));
/** Whether a runbook states the flow observer failing (flow-observer.ts). */
const flowObserverExplained = perSearcher((searcher) => flowObserverExplainedBy(searcher.docs));
/** The flow observer's steps the runbooks' commands take (`hubble observe`): a report naming one stays answered. */
const observerSteps = perSearcher((searcher) => observerStepsStated(searcher.docs));
const handedAddressExplained = perSearcher((searcher) => handedAddressExplainedBy(searcher.docs));

/** Whether a runbook is about Docker's own networks (docker-only.ts). */
const dockerOnlyExplained = perSearcher((searcher) => dockerOnlyExplainedBy(searcher.docs));
const routerOrVpnExplained = perSearcher((searcher) => routerOrVpnExplainedBy(searcher.docs));
const portRequirementsExplained = perSearcher((searcher) => portRequirementsExplainedBy(searcher.docs));
const controlPlaneVipExplained = perSearcher((searcher) => controlPlaneVipExplainedBy(searcher.docs));

/** Which node runtime subjects a runbook states (uncovered-node-runtime.ts). */
const nodeRuntimeExplained = perSearcher((searcher) => nodeRuntimeExplainedBy(searcher.docs));

/** Whether a runbook states a cloud load balancer's target groups (cloud-lb-targets.ts). */
const cloudLbTargetsExplained = perSearcher((searcher) => cloudLbTargetsExplainedBy(searcher.docs));

/** Whether a runbook states kubectl's port-forward errors (port-forward-stream.ts). */
const portForwardExplained = perSearcher((searcher) => portForwardExplainedBy(searcher.docs));

/** Whether a runbook states a CNI's Helm chart or operator installation (cni-installer.ts). */
const cniInstallerExplained = perSearcher((searcher) => cniInstallerExplainedBy(searcher.docs));

/** Whether a runbook states Gateway API routes (gateway-route-status.ts). */
const gatewayRouteStatusExplained = perSearcher((searcher) => gatewayRouteStatusExplainedBy(searcher.docs));

/** Whether a runbook states a certificate's ACME issuance (certificate-issuance.ts). */
const certificateIssuanceExplained = perSearcher((searcher) => certificateIssuanceExplainedBy(searcher.docs));

/** Whether a runbook is about a refused certificate (certificate-verification.ts). */
const certificateVerificationExplained = perSearcher((searcher) =>
  certificateVerificationExplainedBy(searcher.docs),
);

/** Whether a runbook states an installer's tasks (installer-task.ts). */
const installerTaskExplained = perSearcher((searcher) => installerTaskExplainedBy(searcher.docs));
/** Whether a runbook states a component crashing at a runtime error (component-panic.ts). */
const componentPanicExplained = perSearcher((searcher) => componentPanicExplainedBy(searcher.docs));

/** Whether a runbook states a server refused its listening port (privileged-port.ts). */
const privilegedPortExplained = perSearcher((searcher) => privilegedPortExplainedBy(searcher.docs));

/** Whether a runbook is about an HTTP proxy's error pages (proxy-error-page.ts). */
const proxyErrorPageExplained = perSearcher((searcher) => proxyErrorPageExplainedBy(searcher.docs));

/** Whether a runbook is about an HTTP server's 4xx answers (http-client-error.ts). */
const httpClientErrorExplained = perSearcher((searcher) => httpClientErrorExplainedBy(searcher.docs));

/** Whether a runbook is about an application's advertised address (app-advertised-address.ts). */
const advertisedAddressExplained = perSearcher((searcher) => advertisedAddressExplainedBy(searcher.docs));

/** Whether a runbook is about ExternalDNS (external-dns.ts). */
const externalDnsExplained = perSearcher((searcher) => externalDnsExplainedBy(searcher.docs));

/** Whether a runbook is about Windows nodes (windows-nodes.ts). */
const windowsNodesExplained = perSearcher((searcher) => windowsNodesExplainedBy(searcher.docs));

/**
 * The Windows nodes' networking a first question is about (`uncoveredWindowsNodes`), unless it asks a value its top
 * runbook states ("Windows 节点上 flannel VXLAN 用哪个端口？": the Flannel runbook states Windows' port).
 */
function windowsNodesDecline(context: ChatContext, question: string, result: RetrievalResult): string | null {
  const subject = uncoveredWindowsNodes(question, windowsNodesExplained(context.searcher));
  return unlessValueStated(context, question, result, subject, namesWindowsParts);
}

/**
 * The uncovered subject a first question is about, unless it asks for a value its top runbook states
 * (`factBesideSubject`; `namesSubject` tells an asking clause about the subject itself): asked only of a question a
 * decline holds, since finding the stated value reads the runbook's lines.
 */
function unlessValueStated(
  context: ChatContext,
  question: string,
  result: RetrievalResult,
  subject: string | null,
  namesSubject: (focus: string) => boolean,
): string | null {
  if (subject === null) return null;
  return factBesideSubject(question, result.hits[0]?.doc, namesSubject, context.searcher.concepts)
    ? null
    : subject;
}

/** The uncovered allocation failure a first question is about (`uncoveredAllocation`), unless it asks a stated value. */
function allocationDecline(
  context: ChatContext,
  question: string,
  cni: string | null,
  result: RetrievalResult,
): string | null {
  const subject = uncoveredAllocation(question, cni, allocationExplained(context.searcher));
  return unlessValueStated(context, question, result, subject, namesAllocation);
}

/**
 * The uncovered plugin a first question's cluster runs when another plugin's runbook leads the answer
 * (other-cni-runbook.ts): a runbook about that plugin, or one whose commands are mostly that plugin's tools. Never
 * when that runbook's plugin is the one the request or deployment says runs.
 */
function otherCniDecline(
  context: ChatContext,
  question: string,
  result: RetrievalResult,
  scope: CniContext | null,
): string | null {
  const top = result.hits[0]?.doc;
  if (!top || !context.searcher.cni) return null;
  const leadCni =
    context.searcher.cni.ofDoc(top.path) ?? commandsPlugin(top.commands.map(({ command }) => command));
  if (leadCni === scope?.cni) return null;
  return otherCniRunbookLeads(question, leadCni, kbNames(context.searcher));
}

/** The cluster set-up failure a first question is about (`uncoveredClusterSetup`), unless it asks a stated value. */
function clusterSetupDecline(context: ChatContext, question: string, result: RetrievalResult): string | null {
  const subject = uncoveredClusterSetup(question, clusterSetupExplained(context.searcher));
  return unlessValueStated(context, question, result, subject, namesClusterSetup);
}

/** Which CNI components a runbook explains, and whether one explains the API server's Service address. */
const componentsExplained = perSearcher((searcher) => componentsExplainedBy(searcher.docs));
const apiServiceExplained = perSearcher((searcher) => apiServiceExplainedBy(searcher.docs));

/** The failing CNI component a first question is about (`uncoveredComponent`), unless it asks a stated value. */
function componentDecline(context: ChatContext, question: string, result: RetrievalResult): string | null {
  const subject = uncoveredComponent(
    question,
    componentsExplained(context.searcher),
    apiServiceExplained(context.searcher),
  );
  return unlessValueStated(context, question, result, subject, namesComponent);
}

/**
 * The report's headline says a component is failing (`explainedComponentsFailing`) and the top runbook is one that
 * explains that component: the answer leads with the runbook of the failing part, not a guess.
 */
function failingComponentLeads(context: ChatContext, question: string, result: RetrievalResult): boolean {
  const top = result.hits[0];
  if (!top || outsideNetworking(question)) return false;
  const failing = explainedComponentsFailing(question, componentsExplained(context.searcher));
  if (failing.length === 0) return false;
  const explainedByTop = componentsExplainedBy([top.doc]);
  return failing.some((name) => explainedByTop.has(name));
}

/** Which plugins' network policy logging a runbook section states (policy-log.ts). */
const policyLogCovered = perSearcher((searcher) => policyLogPluginsCoveredBy(searcher.docs));

/** Which plugin features a runbook explains (uncovered-features.ts). */
const featuresExplained = perSearcher((searcher) => featuresExplainedBy(searcher.docs));

/** The uncovered plugin feature a first question is about (`uncoveredFeature`), unless it asks a stated value. */
function featureDecline(context: ChatContext, question: string, result: RetrievalResult): string | null {
  const subject = uncoveredFeature(question, featuresExplained(context.searcher));
  return unlessValueStated(context, question, result, subject, namesFeature);
}

/** The response body as UTF-8 JSON: the per-request fields around a cached answer's serialized template. */
function bodyJson(id: string, conversationId: string, template: Buffer, tookMs: number): Buffer {
  return Buffer.concat([
    Buffer.from(`{"id":${JSON.stringify(id)},"conversation_id":${JSON.stringify(conversationId)},`),
    template,
    Buffer.from(`,"took_ms":${tookMs}}`),
  ]);
}

/**
 * Where the answer's CNI comes from, first that applies: the request, the deployment (`givenCni`), the question
 * (exactly one named), the conversation (the latest earlier question naming exactly one) (`namedCni`). Null: not
 * known (and always null when the KB knows no CNIs).
 */
function givenCni(context: ChatContext, request: ChatRequest): CniContext | null {
  if (!context.searcher.cni) return null;
  if (request.cni) return { cni: request.cni.toLowerCase(), source: 'request', alternatives: [] };
  if (context.cni) return { cni: context.cni.toLowerCase(), source: 'configured', alternatives: [] };
  return null;
}

/** The one CNI a question names, when it names it only in environment wording; null otherwise. */
function environmentOnlyCni(context: ChatContext, question: string): string | null {
  const cnis = context.searcher.cni?.inEnvironmentOnly?.(question) ?? [];
  return cnis.length === 1 ? (cnis[0] ?? null) : null;
}

/** `result` with the confidence (and so the abstention) of `full`: the same report searched with every word. */
function withConfidenceOf(result: RetrievalResult, full: RetrievalResult): RetrievalResult {
  return {
    ...result,
    confidence: full.confidence,
    abstain: result.hits.length === 0 || full.abstain,
  };
}

function namedCni(context: ChatContext, question: string, history: readonly Turn[]): CniContext | null {
  const known = context.searcher.cni;
  if (!known) return null;
  const named = known.namedIn(question);
  if (named.length === 1) return { cni: named[0] as string, source: 'question', alternatives: [] };
  if (named.length > 1) return null;
  for (let i = history.length - 1; i >= 0; i--) {
    const earlier = known.namedIn(history[i]?.question ?? '');
    if (earlier.length === 1) return { cni: earlier[0] as string, source: 'conversation', alternatives: [] };
    if (earlier.length > 1) return null;
  }
  return null;
}

/** A CNI the question names: its architecture runbook among the hits, when one is on topic (named-cni-runbook.ts). */
function withNamedCniRunbook(context: ChatContext, result: RetrievalResult, cni: CniContext): CniContext {
  const known = context.searcher.cni;
  if (!known || cni.source !== 'question') return cni;
  const runbook = namedCniRunbook(result.hits, cni.cni, (path) => known.ofDoc(path));
  return runbook ? { ...cni, runbook } : cni;
}

/**
 * No CNI known, and the answer's top doc is about one: the answer assumes it, and names each other CNI's best
 * matching runbook (the same question searched within that CNI) so the reader can switch.
 */
async function assumedCni(
  context: ChatContext,
  result: RetrievalResult,
  query: string,
  options: SearchOptions,
  retrieval: RetrievalTime,
): Promise<CniContext | null> {
  const known = context.searcher.cni;
  const top = result.hits[0];
  if (!known || result.abstain || !top) return null;
  const assumed = known.ofDoc(top.doc.path);
  if (!assumed) return null;
  const alternatives: CniContext['alternatives'] = [];
  const lead = leadingText(query, ALTERNATIVES_QUERY_CHARS);
  for (const other of known.names) {
    if (other === assumed) continue;
    const found = await cachedSearch(context, lead, { ...options, cni: other, topK: 10 }, retrieval);
    let hit = found.hits.find((candidate) => known.ofDoc(candidate.doc.path) === other);
    // Not found by words: that CNI's runbook for the same kind of problem (the top doc's category).
    const sameKind = hit
      ? undefined
      : context.searcher.docs.find(
          (doc) => doc.category === top.doc.category && known.ofDoc(doc.path) === other,
        );
    const chunk = sameKind?.chunks.find((c) => c.kind === 'overview') ?? sameKind?.chunks[0];
    if (!hit && sameKind && chunk) hit = { chunk, doc: sameKind, score: 0, via: [], matchedTriggers: [] };
    if (hit) alternatives.push({ cni: other, hit });
  }
  return { cni: assumed, source: 'assumed', alternatives };
}

/**
 * The text, or its first `max` characters: cut before a word cut in two (a space among the last 32 characters),
 * else right there (Chinese has no spaces).
 */
export function leadingText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  if (/\s/.test(text[max] ?? ' ')) return cut;
  const tail = cut.slice(-32);
  const space = tail.search(/\s\S*$/);
  return space >= 0 ? cut.slice(0, cut.length - tail.length + space).trimEnd() : cut;
}

/** Searches through the result cache when there is one; a search not in it waits for its turn. */
async function cachedSearch(
  context: ChatContext,
  text: string,
  options: SearchOptions,
  retrieval: RetrievalTime,
): Promise<RetrievalResult> {
  const cache = context.cache;
  const key = cache ? ChatCache.key(text, options) : '';
  const hit = cache?.results.get(key);
  if (hit) return hit;
  await context.turn?.();
  const searchStarted = performance.now();
  const result = await context.searcher.search(text, options);
  retrieval.ms += performance.now() - searchStarted;
  retrieval.calls += 1;
  if (!cache) return result;
  cache.results.set(key, result);
  return result;
}
