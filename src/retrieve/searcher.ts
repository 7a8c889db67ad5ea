import type { Chunk, DocRecord, Embedder, GlossaryEntry, VectorStatus } from '../core/types.js';
import { apiServerReachFactor } from './api-server-reach.js';
import { apiServiceHopFactor, apiServiceHopFails, serviceIpHopFails } from './api-service-hop.js';
import { withAppMemberNodes } from './app-member-nodes.js';
import { cniEvidence, evidencedCnis } from './cni-evidence.js';
import { genericBeforeUnshownCni } from './cni-lead.js';
import { withoutComponentNames } from './component-names.js';
import { closeDocsConfidence, higherConfidence, lexicalSignals } from './confidence.js';
import { RETRIEVAL_CONFIG, type RetrievalConfig } from './config.js';
import { crossNodePodPathFactor, statesCrossNodePods } from './cross-node-pod-path.js';
import { distroDefaultCni } from './distro-cni.js';
import { edgeDirectionFactor } from './edge-direction.js';
import {
  type CniTerm,
  type EnvironmentCni,
  environmentReader,
  withEnvironmentTerms,
} from './environment-cni.js';
import { buildExplanation, type ConfidenceParts, type Explanation, type SearchTrace } from './explain.js';
import { failingClauseDocs, signatureOf, type TriggerSignature } from './failing-clause.js';
import { failingDestinationFactor } from './failing-destination.js';
import { failingLookupFactor } from './failing-lookup.js';
import { fuse } from './fuse.js';
import { type CompiledGlossary, compileGlossary } from './glossary.js';
import {
  failingConceptDocs,
  headlineConceptDocs,
  type TriggerGroupOwners,
  triggerGroupOwners,
} from './headline-concept.js';
import {
  buildLexicalIndex,
  type LexicalIndex,
  lexicalKey,
  lexicalLoadSteps,
  loadLexicalIndex,
} from './lexical.js';
import { narrowDnsFactor } from './narrow-runbook.js';
import { normalizeText, normalizeWithWord } from './normalize.js';
import { otherPathCniFactor, saysPodsFailToReachPods } from './other-path-cni.js';
import { splitPasted } from './pasted.js';
import { podIpHopFactor } from './pod-ip-hop.js';
import { type AnalyzedQuery, analyzeQuery, type QueryVocabulary, reportsBrokenPath } from './query.js';
import { buildScopeTable, type ScopeEntries, type ScopeTable, scopeMatch, scopeTableFrom } from './scope.js';
import { rowSignalMatches, signalledRepairFactor } from './signalled-repair.js';
import { buildSpellingCorrector, type SpellingCorrector } from './spelling.js';
import { staleFlowDocs } from './stale-flow.js';
import {
  cnisServingTypes,
  namedCniServesTypes,
  SERVICE_TYPE_WORDS,
  statedServiceTypeFactor,
} from './stated-service-type.js';
import { namesCaptureTool, statesToolResult } from './tool-result.js';
import {
  buildTriggerTable,
  matchForm,
  matchQueryTriggers,
  type TriggerHit,
  type TriggerTable,
} from './triggers.js';
import type {
  CniScope,
  RankedChunk,
  RetrievalResult,
  RetrieverName,
  Searcher,
  SearchOptions,
} from './types.js';
import { cniFeatureGroups, unnamedCniBesideGenericFactor, unnamedCniFactor } from './unnamed-cni.js';
import { foldWordVariants } from './variants.js';

/** Nearest-neighbour search over chunk vectors; labels are chunk ordinals in docs order. */
export interface VectorSearch {
  embedder: Embedder;
  index: { search(query: Float32Array, k: number): Array<{ ordinal: number; score: number }> };
}

export interface SearcherData {
  docs: readonly DocRecord[];
  glossary: readonly GlossaryEntry[];
  vector: VectorSearch | null;
  vectorStatus: VectorStatus;
  generation?: string;
  /**
   * The persisted lexical index of these docs (lexical.bin's bytes), when the index has one; else, or when it
   * does not match these docs, it is built here (tokenizing every doc).
   */
  lexical?: Uint8Array | null;
  /** The bytes were checked where they were read (the build worker): skip the walk over every posting. */
  lexicalVerified?: boolean;
  /** `scopeEntries(docs, glossary)`, computed ahead (by the build worker): it reads every heading of the KB. */
  scopes?: ScopeEntries;
}

interface SearcherParts {
  glossary: CompiledGlossary;
  triggers: TriggerTable;
  lexical: LexicalIndex;
  scopes: ScopeTable;
  spelling: SpellingCorrector;
}

/** The loaded, query-ready KB. Opening it from disk is `openSearcher` in src/index/open-searcher.ts. */
export class KbSearcher implements Searcher {
  readonly docs: readonly DocRecord[];
  readonly vectors: VectorStatus;
  readonly chunkCount: number;
  readonly generation: string | undefined;
  private readonly chunks = new Map<string, Chunk>();
  private readonly docsByPath = new Map<string, DocRecord>();
  private readonly ordinals: string[] = [];
  private readonly glossary;
  private readonly triggers: TriggerTable;
  private readonly triggerGroups: TriggerGroupOwners;
  /** The glossary group of "not working" / "访问不了": what a headline says of a failing concept. */
  private readonly failureGroups: ReadonlySet<string>;
  /** Every way a trigger says a path fails (failing-clause.ts): not working, refused, no route, reset, loss ... */
  private readonly failureKinds: ReadonlySet<string>;
  /** The triggers as glossary groups and words, for a headline clause that says them in its own order. */
  private readonly triggerSignatures: readonly TriggerSignature[];
  private readonly lexical: LexicalIndex;
  private readonly vector: VectorSearch | null;
  private readonly spelling: SpellingCorrector;
  private readonly vocabulary: QueryVocabulary;
  private readonly scopes: ScopeTable;
  private readonly glossaryEntries: readonly GlossaryEntry[];
  readonly cni: CniScope;
  /** A runbook's category, or null: what most ranking factors ask of a doc path. */
  private readonly categoryOfDoc = (docPath: string): string | null => this.doc(docPath)?.category ?? null;
  /** One function for the searcher's life: answers cache per-command work keyed on it. */
  readonly concepts = (text: string): readonly string[] => this.glossary.groupsIn(normalizeText(text));
  /** CNI name → its glossary group. */
  private readonly cniGroups = new Map<string, string>();
  /** Every glossary term naming a CNI, with the CNI (environment-cni.ts). */
  private readonly cniTerms: CniTerm[] = [];
  /** Reads a report's environment wording for those terms (compiled once, after `buildCniScope` collects them). */
  private readonly readEnvironment: (text: string) => EnvironmentCni;

  /**
   * Builds a searcher in steps, awaiting `pause()` between them (the persisted lexical index is opened a group
   * of terms at a time), so a server opens a large index without holding its event loop.
   */
  static async build(
    data: SearcherData,
    pause: () => Promise<void>,
    config: RetrievalConfig = RETRIEVAL_CONFIG,
  ): Promise<KbSearcher> {
    const glossary = compileGlossary(data.glossary);
    await pause();
    const triggers = buildTriggerTable(data.docs, glossary, config);
    await pause();
    let lexical: LexicalIndex | null = null;
    if (data.lexical) {
      const steps = lexicalLoadSteps(
        data.lexical,
        data.docs,
        lexicalKey(data.glossary),
        glossary,
        config,
        !data.lexicalVerified,
      );
      let step = steps.next();
      while (!step.done) {
        await pause();
        step = steps.next();
      }
      lexical = step.value;
    }
    // No usable snapshot: tokenize here (the build worker sends one, so a server does not come here).
    lexical ??= buildLexicalIndex(data.docs, glossary, config);
    await pause();
    const scopes = data.scopes ? scopeTableFrom(data.scopes) : buildScopeTable(data.docs, glossary);
    await pause();
    const spelling = buildSpellingCorrector(lexical.vocabulary);
    await pause();
    return new KbSearcher(data, config, { glossary, triggers, lexical, scopes, spelling });
  }
  private readonly docsByCategory = new Map<string, Set<string>>();
  /** The highest priority of a DNS runbook (narrow-runbook.ts: the others are its narrow cases). */
  private topDnsPriority = 0;

  constructor(
    data: SearcherData,
    private readonly config: RetrievalConfig = RETRIEVAL_CONFIG,
    /** Parts built beforehand by `build()`. */
    parts?: SearcherParts,
  ) {
    this.docs = data.docs;
    this.vectors = data.vectorStatus;
    this.vector = data.vector;
    this.generation = data.generation;
    for (const doc of data.docs) {
      this.docsByPath.set(doc.path, doc);
      if (doc.category !== null) {
        const paths = this.docsByCategory.get(doc.category) ?? new Set<string>();
        paths.add(doc.path);
        this.docsByCategory.set(doc.category, paths);
        if (doc.category === 'dns') this.topDnsPriority = Math.max(this.topDnsPriority, doc.priority);
      }
      for (const chunk of doc.chunks) {
        this.chunks.set(chunk.id, chunk);
        this.ordinals.push(chunk.id);
      }
    }
    this.chunkCount = this.ordinals.length;
    this.glossaryEntries = data.glossary;
    this.glossary = parts?.glossary ?? compileGlossary(data.glossary);
    this.triggers = parts?.triggers ?? buildTriggerTable(data.docs, this.glossary, config);
    this.lexical =
      parts?.lexical ??
      (data.lexical
        ? loadLexicalIndex(data.lexical, data.docs, lexicalKey(data.glossary), this.glossary, config)
        : null) ??
      buildLexicalIndex(data.docs, this.glossary, config);
    this.scopes = parts?.scopes ?? buildScopeTable(data.docs, this.glossary);
    this.triggerGroups = triggerGroupOwners(data.docs, (phrase) =>
      this.glossary.groupsIn(normalizeText(phrase)),
    );
    this.failureGroups = new Set(this.glossary.groupsIn(normalizeText('not working')));
    this.failureKinds = new Set(
      FAILURE_WORDS.flatMap((words) => this.glossary.groupsIn(normalizeText(words))),
    );
    this.triggerSignatures = data.docs.flatMap((doc) =>
      doc.triggers.map((trigger) => signatureOf(doc.path, matchForm(trigger, this.glossary))),
    );
    this.cni = this.buildCniScope(data.glossary);
    this.readEnvironment = environmentReader(this.cniTerms);
    this.spelling = parts?.spelling ?? buildSpellingCorrector(this.lexical.vocabulary);
    const { tokenize, vocabulary } = this.lexical;
    this.vocabulary = {
      tokenize,
      has: (token) => vocabulary.has(token),
      alternativesOf: (token) => this.glossary.alternativesOf(token),
    };
  }

  private buildCniScope(entries: readonly GlossaryEntry[]): CniScope {
    const nameOf = new Map<string, string>();
    entries.forEach((entry, index) => {
      const name = entry.terms[0]?.toLowerCase();
      if (entry.exclusive === 'cni' && name) {
        nameOf.set(`g${index}`, name);
        this.cniGroups.set(name, `g${index}`);
        for (const term of entry.terms) this.cniTerms.push({ term: term.toLowerCase(), cni: name });
      }
    });
    const names = [...nameOf.values()];
    const cniOfDoc = new Map<string, string | null>();
    const inGroups = (groups: Iterable<string>) =>
      [...new Set([...groups].flatMap((group) => nameOf.get(group) ?? []))].sort(
        (a, b) => names.indexOf(a) - names.indexOf(b),
      );
    return {
      names,
      ofDoc: (docPath) => {
        // Asked per doc of the KB when an answer names other CNIs' runbooks: worked out once per doc.
        let cni = cniOfDoc.get(docPath);
        if (cni === undefined) {
          const named = inGroups(this.scopes.get(docPath)?.get('cni') ?? []);
          cni = named.length === 1 ? (named[0] ?? null) : null;
          if (this.docsByPath.has(docPath)) cniOfDoc.set(docPath, cni);
        }
        return cni;
      },
      // A CNI named only in pasted output that reports no failure (its pods in `kubectl get pods -A`) is the
      // cluster's setting, not the failing path: the question does not name it.
      namedIn: (text) => inGroups(this.glossary.groupsIn(normalizeText(splitPasted(text).kept))),
      inEnvironmentOnly: (text) => this.readEnvironment(splitPasted(text).kept).cnis,
    };
  }

  /** Docs a search within one CNI (and category) may return, per CNI and category: a pass over every doc once. */
  private readonly allowedByScope = new Map<string, ReadonlySet<string>>();

  private allowedDocs(
    cniGroup: string,
    category: string | undefined,
    list: () => string[],
  ): ReadonlySet<string> {
    // Only the KB's own categories are kept (a request may name any): the map stays CNIs × categories.
    if (category !== undefined && !this.docsByCategory.has(category)) return new Set(list());
    const key = `${cniGroup}\u0000${category ?? ''}`;
    let allowed = this.allowedByScope.get(key);
    if (!allowed) {
      allowed = new Set(list());
      this.allowedByScope.set(key, allowed);
    }
    return allowed;
  }

  /** A word the KB's text or glossary contains (for folding plurals to it). */
  private readonly knowsWord = (word: string): boolean =>
    this.lexical.vocabulary.has(word) || this.glossary.groupsIn(word).length > 0;

  /** The tokens the word "node" yields that nothing else in the text yields (its glossary group may be "host"). */
  private appNodeTokens(text: string): string[] {
    const rest = new Set(this.vocabulary.tokenize(text.replace(/(?<![a-z-])nodes?(?![a-z-])/gu, ' ')));
    return this.vocabulary.tokenize('node').filter((token) => !rest.has(token));
  }

  chunk(id: string): Chunk | undefined {
    return this.chunks.get(id);
  }

  doc(path: string): DocRecord | undefined {
    return this.docsByPath.get(path);
  }

  async search(rawQuestion: string, options: SearchOptions = {}): Promise<RetrievalResult> {
    return (await this.run(rawQuestion, options)).result;
  }

  /** The search with every intermediate step, for `netkb explain` and `"explain": true`. */
  async explain(rawQuestion: string, options: SearchOptions = {}): Promise<Explanation> {
    const { result, trace } = await this.run(rawQuestion, options);
    return buildExplanation(result, trace(), this, this.glossaryEntries, this.config);
  }

  private async run(
    rawQuestion: string,
    options: SearchOptions,
  ): Promise<{ result: RetrievalResult; trace: () => SearchTrace }> {
    const started = performance.now();
    const config = this.config;
    const { budget } = config;
    const budgetFrom = options.startedAt ?? started;
    const overBudget = () => performance.now() - budgetFrom > budget.timeMs;
    let skipped = false;
    // Pasted output that reports no failure names the whole cluster, not what fails: searched apart, weighted less.
    const { kept: reported, pasted } = splitPasted(rawQuestion);
    // A CNI named only where the report states its environment ("calico v3.24.1", "CNI: cilium") is the cluster's
    // setting: it scopes the search (as the answer's CNI, or as a lean toward its runbooks), but its words are
    // not searched as the topic.
    const environment = options.keepEnvironment
      ? { text: reported, cnis: [], names: [] }
      : this.readEnvironment(reported);
    const kept = environment.text;
    const givenCni = options.cni?.toLowerCase();
    const givenInEnvironment = givenCni !== undefined && environment.cnis.includes(givenCni);
    const named = givenCni !== undefined && !givenInEnvironment && !this.cni.namedIn(kept).includes(givenCni);
    const text = named ? `${kept} ${options.cni}` : kept;
    const normalized = named
      ? normalizeWithWord(kept, options.cni?.toLowerCase() ?? '')
      : normalizeText(text);
    const corrected = foldWordVariants(
      this.spelling.correct(normalized, budget.maxSpellingFixes),
      this.knowsWord,
    );
    const analyzed = analyzeQuery(
      corrected,
      this.vocabulary,
      config,
      pasted === '' ? '' : foldWordVariants(normalizeText(pasted), this.knowsWord),
    );
    const query = {
      ...analyzed,
      terms: withAppMemberNodes(
        withEnvironmentTerms(
          analyzed.terms,
          environment.names.flatMap((name) => this.vocabulary.tokenize(normalizeText(name))),
          config.query.environmentWeight,
        ),
        `${corrected} ${normalizeText(pasted)}`,
        this.appNodeTokens(corrected),
        config.query.appMemberNodeWeight,
      ),
    };
    const topK = options.topK ?? config.defaultTopK;
    const wanted = (name: RetrieverName) => !options.only || options.only.includes(name);
    // The cluster's CNI (options.cni) is searched as if the question named it (see `query` above); docs about
    // another CNI are not candidates at all.
    const cniGroup = options.cni === undefined ? undefined : this.cniGroups.get(options.cni.toLowerCase());
    // The alternatives the failing part names, and one inferred from a working clause ("same-node is fine").
    const inferred = [...query.terms]
      .filter(([term, weight]) => weight >= 1 && this.glossary.exclusiveSetOf(term) !== undefined)
      .map(([term]) => term);
    // A distribution's default CNI (K3s → Flannel) when the report names none: distro-cni.ts.
    const impliedCni =
      options.cni === undefined
        ? distroDefaultCni(`${reported} ${pasted}`, this.cni.namedIn(`${reported} ${pasted}`))
        : null;
    const impliedCnis =
      givenCni !== undefined
        ? givenInEnvironment
          ? [givenCni]
          : []
        : impliedCni === null
          ? environment.cnis
          : [impliedCni];
    const impliedGroups = impliedCnis.flatMap((cni) => this.cniGroups.get(cni) ?? []);
    const scope = scopeMatch(
      this.scopes,
      [...new Set([...this.glossary.groupsIn(query.focus), ...inferred, ...impliedGroups])],
      this.glossary,
    );
    // Only the CNI decides exclusion (a topology mismatch just ranks lower).
    const cniScope = cniGroup === undefined ? null : scopeMatch(this.scopes, [cniGroup], this.glossary);
    const excluded = cniScope ? (path: string) => cniScope(path) === -1 : null;
    const keep = <T extends { chunkId?: string; docPath?: string }>(items: T[] | null): T[] | null =>
      items && excluded
        ? items.filter((item) => !excluded(item.docPath ?? this.chunks.get(item.chunkId ?? '')?.path ?? ''))
        : items;
    // Other CNIs' docs are not candidates at all, so the lexical top-N is drawn from the rest.
    const categoryDocs = options.category
      ? (this.docsByCategory.get(options.category) ?? new Set<string>())
      : undefined;
    const allowed = excluded
      ? this.allowedDocs(cniGroup ?? '', options.category, () =>
          [...(categoryDocs ?? this.docsByPath.keys())].filter((path) => !excluded(path)),
        )
      : categoryDocs;
    const inCategory = (path: string) => !allowed || allowed.has(path);
    const retrievers = {} as RetrievalResult['retrievers'];

    const timed = <T>(name: RetrieverName, enabled: boolean, run: () => T[]): T[] | null => {
      if (!enabled) {
        retrievers[name] = { hits: 0, took_ms: 0, status: 'disabled' };
        return null;
      }
      // Triggers always run (a bounded scan); a later retriever is skipped once the question's time is up.
      if (name !== 'trigger' && overBudget()) {
        skipped = true;
        retrievers[name] = { hits: 0, took_ms: 0, status: 'over_budget' };
        return null;
      }
      const t0 = performance.now();
      const out = run();
      retrievers[name] = { hits: out.length, took_ms: round(performance.now() - t0), status: 'ok' };
      return out;
    };

    const trigger = timed('trigger', wanted('trigger'), () =>
      this.withStaleFlow(
        this.withRowSignals(matchQueryTriggers(this.triggers, query, this.glossary, config), query),
        query,
        config.scopeFactor.staleFlow,
      ).filter((hit) => inCategory(hit.docPath)),
    );
    const lexical = timed('lexical', wanted('lexical'), () =>
      this.lexical.search(query, config.candidatesPerRetriever, allowed),
    );
    let vector: RankedChunk[] | null = null;
    if (this.vector && wanted('vector') && overBudget()) {
      skipped = true;
      retrievers.vector = { hits: 0, took_ms: 0, status: 'over_budget' };
    } else if (this.vector && wanted('vector')) {
      const t0 = performance.now();
      const query = await this.vector.embedder.embedQuery(text);
      vector = this.vector.index
        .search(query, config.candidatesPerRetriever)
        .map((hit) => ({ chunkId: this.ordinals[hit.ordinal] ?? '', score: hit.score }))
        .filter((hit) => hit.chunkId && inCategory(this.chunks.get(hit.chunkId)?.path ?? ''));
      retrievers.vector = { hits: vector.length, took_ms: round(performance.now() - t0), status: 'ok' };
    } else {
      retrievers.vector = { hits: 0, took_ms: 0, status: 'disabled' };
    }

    const coverage = lexical ? this.lexical.coverageOf(query) : null;
    const topicCoverage = lexical ? this.lexical.topicCoverageOf(query) : null;
    const brokenPath = reportsBrokenPath(query);
    // The cluster's CNI is known: configured, or named by the report.
    const cniKnown = options.cni !== undefined || environment.cnis.length > 0 || this.namesCni(query, pasted);
    const wholeReport = `${query.text}\n${pasted}`;
    // The report shows a CNI: known, implied by its distribution, or one whose own identifiers it carries.
    const cniShown = cniKnown || impliedCnis.length > 0 || this.carriesCniEvidence(wholeReport);
    // The report's CNIs: the one given, named, configured or implied by its distribution.
    const reportCnis = [
      ...new Set([
        ...(givenCni === undefined ? [] : [givenCni]),
        ...this.cni.namedIn(wholeReport),
        ...environment.cnis,
        ...impliedCnis,
      ]),
    ];
    const triggered = new Set((trigger ?? []).map((hit) => hit.docPath));
    const dnsTriggered = [...triggered].some((docPath) => this.doc(docPath)?.category === 'dns');
    // The report's CNI explains NodePort / LoadBalancer Services itself (its OVN load balancers, kube-proxy
    // replacement), or is known but not by name (stated-service-type.ts).
    const cniServesTypes =
      cniKnown &&
      namedCniServesTypes(
        options.cni !== undefined
          ? [options.cni.toLowerCase()]
          : [...this.cni.namedIn(wholeReport), ...environment.cnis],
        (cni) => this.cnisServingTypes().has(cni),
      );
    const fuseInputs = {
      trigger: keep(trigger),
      lexical: keep(lexical),
      vector: keep(vector),
      coverage,
      topicCoverage,
      scope,
      docFactor: productOf(
        this.ranToolFactor(trigger, query.text, brokenPath, statesToolResult(query.text)),
        this.bodyOnlyScopeFactor(query, scope),
        this.unnamedCniFactor(query, cniShown),
        this.unnamedCniBesideGenericFactor(query, cniShown),
        apiServiceHopFactor(
          wholeReport,
          this.categoryOfDoc,
          config.scopeFactor.apiServiceDns,
          // Only where a DNS runbook's trigger matched: a DNS runbook found by words alone is no pull to undo.
          serviceIpHopFails(query.focus, wholeReport, brokenPath) && dnsTriggered,
          // CoreDNS is the client only on the API Service hop: a ClusterIP it cannot reach may be kube-dns itself.
          dnsTriggered && apiServiceHopFails(wholeReport) ? config.scopeFactor.apiServicePulledDns : null,
        ),
        apiServerReachFactor({
          text: wholeReport,
          // Only a CNI the report names, is configured or implied: a feature word may be the API server phrase itself.
          cniServesServices: reportCnis.some((cni) => this.cnisServingTypes().has(cni)),
          categoryOfDoc: this.categoryOfDoc,
          isGeneralRunbook: (docPath) => this.isGeneralRunbook(docPath),
          factors: config.scopeFactor.apiServerReach,
        }),
        this.statedServiceTypeFactor(query, cniServesTypes),
        narrowDnsFactor({
          text: wholeReport,
          triggered,
          categoryOfDoc: this.categoryOfDoc,
          priorityOfDoc: (docPath) => this.doc(docPath)?.priority ?? 0,
          topDnsPriority: this.topDnsPriority,
          factor: config.scopeFactor.narrowDns,
        }),
        failingLookupFactor({
          text: normalizeText(wholeReport),
          cniKnown: cniKnown || reportCnis.length > 0,
          triggered,
          categoryOfDoc: this.categoryOfDoc,
          priorityOfDoc: (docPath) => this.doc(docPath)?.priority ?? 0,
          topDnsPriority: this.topDnsPriority,
          factor: config.scopeFactor.failingLookup,
        }),
        podIpHopFactor(
          rawQuestion,
          this.categoryOfDoc,
          (docPath) => this.cni.ofDoc(docPath),
          {
            known: cniKnown && reportCnis.length === 0 ? null : reportCnis,
            hasOwnNodeToPod: (cni) => this.cnisWithNodeToPod().has(cni),
          },
          config.scopeFactor.podIpHop,
        ),
        // Such a CNI's own Service datapath is where either kind of address fails.
        cniServesTypes
          ? null
          : failingDestinationFactor(query.focus, this.categoryOfDoc, config.scopeFactor.failingDestination),
        crossNodePodPathFactor(
          rawQuestion,
          // A host → pod runbook matched by its own trigger (rp_filter, a failing probe) names a cause on the node
          // itself: the report speaks that runbook's language, so where the pods sit does not lift another over it.
          (trigger ?? []).some((hit) => this.doc(hit.docPath)?.category === 'node_to_pod') ? [] : reportCnis,
          this.categoryOfDoc,
          (docPath) => this.cni.ofDoc(docPath),
          config.scopeFactor.crossNodePods,
        ),
        otherPathCniFactor({
          failing: query.headline ?? query.focus,
          focus: query.focus,
          text: wholeReport,
          triggered,
          crossNode: this.crossNodeGroups().some((group) => (query.terms.get(group) ?? 0) >= 1),
          categoryOfDoc: this.categoryOfDoc,
          cniOfDoc: (docPath) => this.cni.ofDoc(docPath),
          servesServices: (cni) => this.cnisServingTypes().has(cni),
          factor: config.scopeFactor.otherPathCni,
        }),
        edgeDirectionFactor({
          failing: query.headline ?? query.focus,
          focus: query.focus,
          podsFailToo: statesCrossNodePods(wholeReport) || saysPodsFailToReachPods(query.focus),
          cnis: cniKnown && reportCnis.length === 0 ? null : reportCnis,
          categoryOfDoc: this.categoryOfDoc,
          cniOfDoc: (docPath) => this.cni.ofDoc(docPath),
          explainsWholeDatapath: (cni) => this.cnisOfCategory('cni_architecture').has(cni),
          ownWayOut: (cni) => this.cnisOfCategory('pod_to_external').has(cni),
          factors: config.scopeFactor.edgeDirection,
        }),
        signalledRepairFactor({
          brokenPath,
          hits: trigger ?? [],
          signalsOf: (docPath) => this.docsByPath.get(docPath)?.signals ?? [],
          factor: config.scopeFactor.signalledRepair,
        }),
      ),
    };
    // A CNI's runbook does not lead a long report that shows no CNI when a generic runbook is close (cni-lead.ts).
    const hits = genericBeforeUnshownCni({
      hits: fuse(fuseInputs, this, config, topK),
      docOf: (hit) => hit.doc.path,
      cniOfDoc: (docPath) => this.cni.ofDoc(docPath),
      cniShown,
      longReport: query.headline !== null,
      withinDocs: 2,
      scoreOf: (hit) => hit.score,
      minShare: config.scopeFactor.unshownCniLeadShare,
      report: wholeReport,
    });
    // Only the top doc: a close doc lifted by the headline would change which doc the answer is sure of.
    const headlineDocs = headlineConceptDocs(
      query.headline,
      (text) => this.glossary.groupsIn(text),
      this.triggerGroups,
    );
    const failingDocs = failingConceptDocs(
      query.headline === null ? null : this.glossary.canonicalize(normalizeText(query.headline)),
      this.failureGroups,
      this.triggerGroups,
    );
    const partsOf = (ranked: typeof hits) => {
      const topDoc = ranked[0]?.doc.path;
      const headlineTop = new Set([...headlineDocs, ...failingDocs].filter((path) => path === topDoc));
      return closeDocsConfidence(ranked, config.closeDocShare, (docPath) =>
        this.confidence(docPath, trigger, lexical, vector, coverage, topicCoverage, headlineTop),
      );
    };
    // The doc factors reorder runbooks ("this other runbook fits the report better"); they do not make the KB
    // know less. So confidence is also read from the ranking without them, and the higher one counts: a
    // demotion that puts a runbook the report matches less well first does not turn the answer into an abstention.
    const parts = higherConfidence(
      partsOf(hits),
      fuseInputs.docFactor === null
        ? null
        : partsOf(fuse({ ...fuseInputs, docFactor: null }, this, config, topK)),
    );
    const confidence = parts?.combined ?? 0;
    const abstain = hits.length === 0 || confidence < config.abstainBelow;
    const statedFailure = abstain ? this.statedFailureDocs(query) : [];
    const result: RetrievalResult = {
      hits,
      confidence: round(confidence, 3),
      abstain,
      ...(statedFailure.length > 0 ? { statedFailure } : {}),
      retrievers,
      overBudget: skipped,
      took_ms: round(performance.now() - started),
    };
    // Tokens and groups are only for an explanation: built when asked for (two more passes over the text).
    const trace = (): SearchTrace => ({
      normalized,
      corrected,
      query,
      tokens: this.lexical.tokenize(query.text),
      groups: this.glossary.groupsIn(query.text),
      trigger,
      lexical,
      vector,
      coverage,
      topicCoverage,
      confidence: parts,
    });
    return { result, trace };
  }

  /**
   * The runbooks with a failure trigger that the report's headline states in one clause, in its own order and words
   * (failing-clause.ts). A short question is its own headline here: a one-line report ("Pod-to-pod communication
   * doesn't always work") says its failing path as much as a long report's first line does.
   */
  private statedFailureDocs(query: AnalyzedQuery): string[] {
    return [
      ...failingClauseDocs(
        matchForm(query.headline ?? query.focus, this.glossary),
        this.triggerSignatures,
        this.failureKinds,
        new Set(this.cniGroups.values()),
        new Set(this.glossary.groupsIn(query.text)),
      ),
    ];
  }

  /**
   * In a long report, a CNI named only in the pasted body ("Calico, pod-network-cidr 172.16.0.0/16"), or in the
   * headline only as one of its components ("calico-kube-controllers CrashLoopBackOff"), is more
   * often the setting than the failing path (a NodePort, an MTU): its own runbook is lifted only
   * `scopeFactor.bodyOnly` instead of `scopeFactor[1]` (other CNIs' docs still rank lower in full).
   */
  private bodyOnlyScopeFactor(
    query: AnalyzedQuery,
    scope: ((docPath: string) => number) | null,
  ): ((docPath: string) => number) | null {
    if (!scope || query.headline === null) return null;
    const named = withoutComponentNames(query.headline, this.glossary);
    const headline = scopeMatch(this.scopes, this.glossary.groupsIn(named), this.glossary);
    const factor = this.config.scopeFactor.bodyOnly / this.config.scopeFactor[1];
    return (docPath) => (scope(docPath) >= 1 && (headline?.(docPath) ?? 0) < 1 ? factor : 1);
  }

  /** The conntrack runbook for a report of a flow left stale by a restarted backend (stale-flow.ts). */
  private withStaleFlow(hits: TriggerHit[], query: AnalyzedQuery, score: number): TriggerHit[] {
    this.conntrackDocs ??= [
      ...new Set(
        this.glossary
          .groupsIn(normalizeText('conntrack'))
          .flatMap((group) => [...(this.triggerGroups.get(group) ?? [])]),
      ),
    ];
    const added = staleFlowDocs(query.text, this.conntrackDocs, score).filter(
      (one) => !hits.some((hit) => hit.docPath === one.docPath),
    );
    if (added.length === 0) return hits;
    return [...hits, ...added.map((one) => ({ ...one, matched: [] }))].sort((a, b) => b.score - a.score);
  }

  /**
   * Trigger hits plus the docs whose signals a pasted row or clause shows in its own order and spelling
   * (signalled-repair.ts rowSignalMatches): each scores its signal's trigger weight.
   */
  private withRowSignals(hits: TriggerHit[], query: AnalyzedQuery): TriggerHit[] {
    const hit = new Set(hits.map((one) => one.docPath));
    const signalled = this.docs
      .filter((doc) => (doc.signals?.length ?? 0) > 0 && !hit.has(doc.path))
      .map((doc) => ({ docPath: doc.path, signals: doc.signals ?? [] }));
    if (signalled.length === 0) return hits;
    const added = rowSignalMatches(query.focus, signalled).map(({ docPath, matched }) => ({
      docPath,
      matched,
      score: Math.max(
        ...this.triggers.entries
          .filter((entry) => entry.docPath === docPath && matched.includes(entry.trigger))
          .map((entry) => entry.weight),
        0,
      ),
    }));
    if (added.length === 0) return hits;
    return [...hits, ...added].sort((a, b) => b.score - a.score);
  }

  /** The external-access runbook in a report whose failing part states a NodePort / LoadBalancer (stated-service-type.ts). */
  private statedServiceTypeFactor(
    query: AnalyzedQuery,
    namesCni: boolean,
  ): ((docPath: string) => number) | null {
    return statedServiceTypeFactor({
      headline: query.headline,
      focus: query.focus,
      text: query.text,
      groupsOf: (text) => this.glossary.groupsIn(text),
      typeGroups: this.typeGroups(),
      namesCni,
      categoryOfDoc: this.categoryOfDoc,
      factor: this.config.scopeFactor.statedServiceType,
    });
  }

  /** The glossary groups of the words naming an external Service type (NodePort, LoadBalancer): worked out once. */
  private typeGroups(): ReadonlySet<string> {
    this.serviceTypeGroups ??= new Set(SERVICE_TYPE_WORDS.flatMap((word) => this.glossary.groupsIn(word)));
    return this.serviceTypeGroups;
  }

  private serviceTypeGroups: ReadonlySet<string> | undefined;

  /** The CNIs whose runbooks explain NodePort / LoadBalancer Services (stated-service-type.ts): worked out once. */
  private cnisServingTypes(): ReadonlySet<string> {
    this.servingTypes ??= cnisServingTypes(
      this.docs.map((doc) => ({
        path: doc.path,
        text: normalizeText(doc.chunks.map((chunk) => chunk.text).join(' \n ')),
      })),
      (docPath) => this.cni.ofDoc(docPath),
      (text) => this.glossary.groupsIn(text),
      this.typeGroups(),
    );
    return this.servingTypes;
  }

  private servingTypes: ReadonlySet<string> | undefined;

  /** The runbook has the highest priority in its category: the category's general runbook, the others its cases. */
  private isGeneralRunbook(docPath: string): boolean {
    const doc = this.doc(docPath);
    if (!doc?.category) return false;
    const paths = this.docsByCategory.get(doc.category) ?? new Set<string>();
    return [...paths].every((path) => (this.doc(path)?.priority ?? 0) <= doc.priority);
  }

  /** The glossary group of pods on different nodes ("cross-node", "跨节点"): worked out once. */
  private crossNodeGroups(): readonly string[] {
    this.crossNode ??= this.glossary.groupsIn(normalizeText('cross-node'));
    return this.crossNode;
  }

  private crossNode: readonly string[] | undefined;

  /** The CNIs with a runbook of their own in a category (edge-direction.ts): worked out once per category. */
  private cnisOfCategory(category: string): ReadonlySet<string> {
    let cnis = this.categoryCnis.get(category);
    if (cnis === undefined) {
      cnis = new Set(
        this.docs.filter((doc) => doc.category === category).flatMap((doc) => this.cni.ofDoc(doc.path) ?? []),
      );
      this.categoryCnis.set(category, cnis);
    }
    return cnis;
  }

  private readonly categoryCnis = new Map<string, ReadonlySet<string>>();

  /** The runbooks whose triggers own the glossary's conntrack group (stale-flow.ts): worked out on first use. */
  private conntrackDocs: readonly string[] | undefined;

  /** The CNIs with a host → pod (`node_to_pod`) runbook of their own (pod-ip-hop.ts): worked out once. */
  private cnisWithNodeToPod(): ReadonlySet<string> {
    this.nodeToPodCnis ??= new Set(
      this.docs
        .filter((doc) => doc.category === 'node_to_pod')
        .flatMap((doc) => this.cni.ofDoc(doc.path) ?? []),
    );
    return this.nodeToPodCnis;
  }

  private nodeToPodCnis: ReadonlySet<string> | undefined;

  /** A CNI's own runbook in a long report that shows no CNI scores less (unnamed-cni.ts). */
  private unnamedCniFactor(query: AnalyzedQuery, namesCni: boolean): ((docPath: string) => number) | null {
    return unnamedCniFactor({
      namesCni,
      longReport: query.headline !== null,
      cniOfDoc: (docPath) => this.cni.ofDoc(docPath),
      factor: this.config.scopeFactor.unnamedCni,
    });
  }

  /** A CNI's runbook beside a generic runbook of its path, in a long report naming no CNI (unnamed-cni.ts). */
  private unnamedCniBesideGenericFactor(
    query: AnalyzedQuery,
    namesCni: boolean,
  ): ((docPath: string) => number) | null {
    const { factor, categories } = this.config.scopeFactor.unnamedCniBesideGeneric;
    return unnamedCniBesideGenericFactor({
      namesCni,
      longReport: query.headline !== null,
      cniOfDoc: (docPath) => this.cni.ofDoc(docPath),
      categoryOf: this.categoryOfDoc,
      categories: this.genericCategories(categories),
      factor,
    });
  }

  /** Of the given categories, those with a runbook about no particular CNI: worked out once per category list. */
  private genericCategories(categories: readonly string[]): ReadonlySet<string> {
    const key = categories.join('\n');
    if (this.genericCategoryCache?.key !== key) {
      const generic = new Set(
        this.docs.filter((doc) => this.cni.ofDoc(doc.path) === null).map((doc) => doc.category),
      );
      this.genericCategoryCache = {
        key,
        set: new Set(categories.filter((category) => generic.has(category))),
      };
    }
    return this.genericCategoryCache.set;
  }

  private genericCategoryCache: { key: string; set: ReadonlySet<string> } | undefined;

  /**
   * Whether the report names a CNI (its name, or a feature only its runbooks are about). The paste counts too: a CNI
   * whose pods a listing shows is the cluster's, so its runbooks are not incidental.
   */
  private namesCni(query: AnalyzedQuery, pasted: string): boolean {
    const naming = this.cniNamingGroups();
    return this.glossary
      .groupsIn(normalizeText(`${query.text} ${pasted}`))
      .some((group) => naming.has(group));
  }

  private cniNamingGroupSet: ReadonlySet<string> | undefined;

  /** Whether the report carries an identifier only one CNI's runbooks run (cni-evidence.ts). Read once. */
  private carriesCniEvidence(report: string): boolean {
    this.cniEvidenceMap ??= cniEvidence(
      this.docs.map((doc) => ({
        path: doc.path,
        commands: [
          ...doc.commands.map((c) => c.command),
          ...doc.troubleshooting.flatMap((row) => row.commands),
        ],
      })),
      (docPath) => this.cni.ofDoc(docPath),
      this.config.scopeFactor.cniEvidenceMaxGeneric,
    );
    return evidencedCnis(report, this.cniEvidenceMap).length > 0;
  }

  private cniEvidenceMap: ReadonlyMap<string, string> | undefined;

  /**
   * The glossary groups that name a CNI: its own name, or a feature only its runbooks are about ("underlay",
   * "kube-proxy replacement": unnamed-cni.ts cniFeatureGroups). Worked out once, on first use.
   */
  private cniNamingGroups(): ReadonlySet<string> {
    this.cniNamingGroupSet ??= new Set([
      ...this.cniGroups.values(),
      ...cniFeatureGroups(
        this.docs.map((doc) => {
          const headings = doc.chunks.flatMap((chunk) => chunk.headingPath);
          const topic = normalizeText([doc.title, ...doc.triggers, ...headings].join(' \n '));
          const body = normalizeText(doc.chunks.map((chunk) => chunk.text).join(' \n '));
          return {
            path: doc.path,
            topic: new Set(this.glossary.groupsIn(topic)),
            body: new Set(this.glossary.groupsIn(body)),
          };
        }),
        (docPath) => this.cni.ofDoc(docPath),
        this.config.scopeFactor.featureMaxOtherBodies,
        (group) => this.glossary.isKubernetesBasic(group),
      ).keys(),
    ]);
    return this.cniNamingGroupSet;
  }

  /**
   * A broken-path report that names a command the user ran ("ovs-vsctl show shows the geneve port", "tcpdump on
   * both hosts") matches that tool's how-to by its trigger; the answer is the failing path's runbook, so a tool
   * doc matched by a command (a Latin trigger) scores less. So does a capture how-to in a report that says what
   * its capture showed (tool-result.ts), whatever its wording of the failure.
   */
  private ranToolFactor(
    trigger: TriggerHit[] | null,
    question: string,
    brokenPath: boolean,
    /** The report says what a capture it ran showed (tool-result.ts): a capture trigger in any script counts. */
    statedResult: boolean,
  ): ((docPath: string) => number) | null {
    if (!brokenPath && !statedResult) return null;
    const { category, factor } = this.config.toolDocs;
    // The tool as the reporter wrote it: a Latin trigger ("ovs-vsctl show"), or a Chinese one ("抓包") whose
    // glossary group the question names in Latin ("captured with tcpdump"). "在哪里抓包" asks about the tool.
    let latinGroups: Set<string> | undefined; // a pass over the question: only when a Chinese trigger needs it
    const isLatin = (phrase: string) => /^[\x20-\x7e]+$/.test(phrase) && /[a-z]/i.test(phrase);
    const namedInLatin = (phrase: string) => {
      latinGroups ??= new Set(this.glossary.groupsIn(question.replace(/\p{Script=Han}+/gu, ' ')));
      const groups = latinGroups;
      return this.glossary.groupsIn(normalizeText(phrase)).some((group) => groups.has(group));
    };
    const ran = new Set(
      (trigger ?? [])
        .filter((hit) => this.docsByPath.get(hit.docPath)?.category === category)
        .filter((hit) =>
          hit.matched.some(
            (phrase) =>
              (brokenPath && (isLatin(phrase) || namedInLatin(phrase))) ||
              (statedResult && namesCaptureTool(phrase)),
          ),
        )
        .map((hit) => hit.docPath),
    );
    return (docPath) => (ran.has(docPath) ? factor : 1);
  }

  /**
   * How sure we are that a doc (the top one, or a close one: `closeDocsConfidence`) answers: any trigger hit on it is strong evidence; otherwise the raw BM25
   * score of the best chunk, discounted when the top doc covers little of the question (an off-topic
   * question matches a doc on generic words only: "pod", "node", "kubectl"); as a second signal, the same score
   * weighted by how much of the question is what the top doc says it is about (an off-topic question meets a
   * doc in passing, in one table row, not in its title and headings); vectors add their cosine.
   * Independent signals combine as a noisy-or. Calibrated by `netkb eval` on both question sets; the lexical
   * signals are scaled to the KB's size (confidence.ts).
   */
  private confidence(
    doc: string,
    trigger: TriggerHit[] | null,
    lexical: RankedChunk[] | null,
    vector: RankedChunk[] | null,
    coverage: ((docPath: string) => number) | null,
    topicCoverage: ((docPath: string) => number) | null,
    headlineDocs: ReadonlySet<string>,
  ): ConfidenceParts {
    const { triggerConfidence, lexicalConfidence } = this.config;
    const triggerScore = trigger?.find((hit) => hit.docPath === doc)?.score ?? 0;
    const lexicalScore = lexical?.[0]?.score ?? 0;
    const { lexical_coverage, lexical_topic } = lexicalSignals(
      {
        score: lexicalScore,
        coverage: coverage ? coverage(doc) : null,
        topicCoverage: topicCoverage ? topicCoverage(doc) : null,
        chunks: this.lexical.chunkCount,
      },
      lexicalConfidence,
    );
    const signals = {
      // A headline naming a concept only this doc triggers on (headline-concept.ts) counts as the weakest trigger.
      trigger:
        triggerScore > 0
          ? triggerConfidence.min +
            (triggerConfidence.max - triggerConfidence.min) * Math.min(1, triggerScore)
          : headlineDocs.has(doc)
            ? triggerConfidence.min
            : 0,
      lexical_coverage,
      lexical_topic,
      vector: vector?.[0] ? Math.max(0, Math.min(1, (vector[0].score - 0.5) / 0.4)) : 0,
    };
    const combined = 1 - Object.values(signals).reduce((rest, signal) => rest * (1 - signal), 1);
    return { ...signals, combined };
  }
}

/** The product of per-doc factors (null when there are none). */
function productOf(
  ...factors: Array<((docPath: string) => number) | null>
): ((docPath: string) => number) | null {
  const present = factors.filter((factor) => factor !== null);
  if (present.length === 0) return null;
  return (docPath) => present.reduce((product, factor) => product * factor(docPath), 1);
}

/** The ways a failing path is said, one per glossary group: what a failure trigger and a failing clause share. */
const FAILURE_WORDS = [
  'not working',
  'connection refused',
  'no route to host',
  'connection reset',
  'packet loss',
  'intermittent',
  'cannot resolve',
];

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
